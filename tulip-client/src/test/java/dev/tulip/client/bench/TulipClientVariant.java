package dev.tulip.client.bench;

import dev.tulip.Tulip;
import java.net.URI;

/** The tulip-client variant of {@link ClientBench} (filled in once the client exists). */
final class TulipClientVariant {
    private TulipClientVariant() {}

    static ClientBench.ClientUnderTest of(String variant, URI url, Tulip app) {
        throw new IllegalArgumentException("unknown variant " + variant + "; use jdk, jdk-vt, netty or tulip");
    }
}
