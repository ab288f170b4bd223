package dev.tulip.client.bench;

import dev.tulip.Tulip;
import dev.tulip.client.Http;
import java.net.URI;

/** The tulip-client variant of {@link ClientBench}: installed into the benchmark's app, on its loop. */
final class TulipClientVariant {
    private TulipClientVariant() {}

    static ClientBench.ClientUnderTest of(String variant, URI url, Tulip app) {
        if (!variant.equals("tulip"))
            throw new IllegalArgumentException("unknown variant " + variant + "; use tulip, jdk, jdk-vt or netty");
        Http http = Http.create(cfg -> cfg.baseUrl(url.toString()));
        app.install(http);
        return new ClientBench.ClientUnderTest() {
            @Override
            public ClientBench.Get open(dev.tulip.spi.EventLoops loops) {
                return path -> http.get(path).bytes();
            }

            @Override
            public void close() {}
        };
    }
}
