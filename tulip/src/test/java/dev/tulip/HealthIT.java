package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The health routes over a real socket: live, ready, a failing check, and readiness during a stop. */
class HealthIT {
    /** Status and body of one request on a new connection. */
    private record Answer(int statusCode, String body) {}

    private static Answer get(Tulip app, String path) throws Exception {
        RawHttp.Response r =
                RawHttp.exchange(app.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        return new Answer(r.status(), new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void liveAndReadyAnswer200WhileTheAppServesAndItsChecksPass() throws Exception {
        Tulip app = Tulip.create(cfg -> cfg.port(0).health(true)).readiness("cache", () -> {});
        app.start();
        try {
            assertThat(get(app, "/health/live").statusCode()).isEqualTo(200);
            Answer ready = get(app, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ready\",\"checks\":{\"cache\":\"ok\"}}");
        } finally {
            app.stop();
        }
    }

    @Test
    void aFailingCheckMakesReady503NamingIt() throws Exception {
        Tulip app = Tulip.create(cfg -> cfg.port(0).health(true).healthPath("/_status"));
        app.install(setup -> setup.readiness("db", () -> {
            throw new IllegalStateException("connection refused");
        }));
        app.start();
        try {
            Answer ready = get(app, "/_status/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).isEqualTo("{\"status\":\"not ready\",\"checks\":{\"db\":\"connection refused\"}}");
            assertThat(get(app, "/_status/live").statusCode()).isEqualTo(200);
            assertThat(get(app, "/health/ready").statusCode()).isEqualTo(404);
        } finally {
            app.stop();
        }
    }

    @Test
    void readyAnswers503FromTheMomentTheAppBeginsToStop() throws Exception {
        Tulip app = Tulip.create(cfg -> cfg.port(0).health(true));
        AtomicReference<String> duringStop = new AtomicReference<>();
        app.onBeforeStop(ctx -> {
            Answer r = get(app, "/health/ready");
            duringStop.set(r.statusCode() + " " + r.body());
        });
        app.start();
        assertThat(get(app, "/health/ready").statusCode()).isEqualTo(200);

        app.stop();

        assertThat(duringStop.get()).isEqualTo("503 {\"status\":\"draining\"}");
    }

    @Test
    void offByDefault() throws Exception {
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.start();
        try {
            assertThat(get(app, "/health/live").statusCode()).isEqualTo(404);
        } finally {
            app.stop();
        }
    }
}
