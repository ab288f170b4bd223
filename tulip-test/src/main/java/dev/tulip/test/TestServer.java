package dev.tulip.test;

import dev.tulip.Tulip;

/**
 * A started app and a client for it; closing stops the app gracefully. Configure the app with
 * port 0 so each test gets a free port, and several apps can run in one JVM at once.
 *
 * <pre>{@code
 * try (var server = TestServer.start(MyApp.create(cfg -> cfg.port(0)))) {
 *     assertThat(server.client().get("/hello").status()).isEqualTo(200);
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {
    private final Tulip app;
    private final TestClient client;

    private TestServer(Tulip app) {
        this.app = app;
        this.client = new TestClient("http://" + host(app) + ":" + app.port());
    }

    private static String host(Tulip app) {
        String h = app.config().host();
        if (h.equals("0.0.0.0")) return "127.0.0.1";
        if (h.equals("::")) return "[::1]";
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /** Starts {@code app} and returns once it accepts connections. */
    public static TestServer start(Tulip app) {
        app.start();
        return new TestServer(app);
    }

    /** The app. */
    public Tulip app() {
        return app;
    }

    /** The port the app listens on. */
    public int port() {
        return app.port();
    }

    /** A client for the app. */
    public TestClient client() {
        return client;
    }

    /** Stops the app gracefully; returns whether every in-flight request completed. */
    public boolean stop() {
        return app.stop();
    }

    @Override
    public void close() {
        app.stop();
    }
}
