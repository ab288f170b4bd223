package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code access-log}: one INFO line per request on logger {@code dev.tulip.access}, off by default. */
class AccessLogIT {

    @Test
    void withAccessLogOnEachRequestIsLoggedWithMethodPathAndStatus() throws Exception {
        String log = captureStderr(true);
        assertThat(log).contains("dev.tulip.access").contains("GET /logged?x=1 200");
    }

    @Test
    void accessLogIsOffByDefault() throws Exception {
        String log = captureStderr(false);
        assertThat(log).doesNotContain("dev.tulip.access");
    }

    /** slf4j-simple (the tests' binding) writes to the current System.err. */
    private static String captureStderr(boolean accessLog) throws Exception {
        Tulip app = Tulip.create(c -> c.port(0).accessLog(accessLog));
        app.get("/logged", req -> "ok");
        app.start();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            try (RawHttp c = RawHttp.connect(app.port())) {
                assertThat(c.send("GET", "/logged?x=1").read().status()).isEqualTo(200);
            }
        } finally {
            app.stop();
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
