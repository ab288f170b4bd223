package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transport available on this machine serves requests (unavailable native ones are skipped). */
class TransportIT {

    @ParameterizedTest
    @EnumSource(
            value = Config.Transport.class,
            names = {"NIO", "EPOLL", "IO_URING"})
    void servesRequests(Config.Transport transport) throws Exception {
        switch (transport) {
            case EPOLL -> assumeTrue(Epoll.isAvailable(), () -> "epoll unavailable: " + Epoll.unavailabilityCause());
            case IO_URING ->
                assumeTrue(IoUring.isAvailable(), () -> "io_uring unavailable: " + IoUring.unavailabilityCause());
            default -> {}
        }
        Tulip app = Tulip.create(c -> c.port(0).eventLoops(2).transport(transport));
        app.get("/hello/{name}", req -> "hello " + req.pathParam("name"));
        app.start();
        try (RawHttp c = RawHttp.connect(app.port())) {
            for (String name : new String[] {"one", "two"}) { // two requests: keep-alive works too
                RawHttp.Response r = c.send("GET", "/hello/" + name).read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("hello " + name);
            }
        } finally {
            assertThat(app.stop()).isTrue();
        }
    }
}
