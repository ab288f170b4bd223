package dev.tulip.client;

import dev.tulip.client.internal.Calls;
import dev.tulip.client.internal.Transport;
import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP/1.1 client for a Tulip app (aiohttp's {@code ClientSession}), on the app's own event
 * loops:
 *
 * <pre>{@code
 * Http pong = Http.create(cfg -> cfg.baseUrl(pongUrl).readTimeout(Duration.ofSeconds(2)));
 * app.install(pong); // opens after the loops exist, closes after the drain
 * app.get("/ping", req -> pong.get("/pong").text());
 * }</pre>
 *
 * Each call is a {@link Call}: {@code http.get(url)}, then headers, query parameters and a body,
 * then {@code send()} for the response whatever its status, {@code as(Type.class)} or {@code
 * text()} for a 2xx body ({@link HttpStatusException} otherwise), or {@code stream()} for a body
 * read as it arrives. Plain calls block a handler's virtual thread; the {@code ...Async} forms return
 * a {@code CompletionStage} and block nothing, for {@code Handler.nonBlocking} routes. Connections
 * are kept alive and pooled per origin. Failures are {@link HttpClientException}s naming the method
 * and URL, which answer {@code 502}, {@code 503} or {@code 504} when a handler lets them through.
 *
 * <p>Closing (the app's stop, after its drain, or {@link #close}) fails the calls still in flight
 * with {@link ClientClosedException} and closes every connection; later calls fail the same way.
 */
public final class Http implements Integration, AutoCloseable {
    private final InstallOnce once = new InstallOnce("Http");
    private final HttpConfig config;
    private volatile Transport transport;
    private volatile Calls calls;
    private volatile ObjectMapper mapper;
    private volatile boolean closed;

    private Http(HttpConfig config) {
        this.config = config;
    }

    /** A client configured by {@code configure}; install it with {@code app.install(http)}. */
    public static Http create(Consumer<HttpConfig.Builder> configure) {
        HttpConfig.Builder b = new HttpConfig.Builder();
        configure.accept(b);
        return new Http(b.build());
    }

    /** A client open now, outside any app, on an event loop of its own: for scripts and tests; close it. */
    public static Http open(Consumer<HttpConfig.Builder> configure) {
        Http http = create(configure);
        http.open(Transport.standalone(http.config), Optional.empty());
        return http;
    }

    @Override
    public void install(Setup setup) {
        once.claim(setup);
        setup.resource(
                "HTTP client",
                ctx -> {
                    open(
                            Transport.on(config, setup.runtime().loops()),
                            setup.runtime().config().jsonMapper().map(m -> (ObjectMapper) m));
                    return this;
                },
                Http::close);
    }

    private synchronized void open(Transport t, Optional<ObjectMapper> appMapper) {
        if (transport != null || closed) throw new IllegalStateException("this Http client was opened before");
        mapper = config.jsonMapper()
                .or(() -> appMapper)
                .orElseGet(() -> JsonMapper.builder().build());
        calls = new Calls(t);
        transport = t;
    }

    /** The settings. */
    public HttpConfig config() {
        return config;
    }

    /** Whether calls can be made: open, and not closed yet. */
    public boolean isOpen() {
        return transport != null && !closed;
    }

    /** A {@code GET} of {@code url} (absolute, or relative to the base URL). */
    public Call get(String url) {
        return request("GET", url);
    }

    /** A {@code POST}. */
    public Call post(String url) {
        return request("POST", url);
    }

    /** A {@code PUT}. */
    public Call put(String url) {
        return request("PUT", url);
    }

    /** A {@code PATCH}. */
    public Call patch(String url) {
        return request("PATCH", url);
    }

    /** A {@code DELETE}. */
    public Call delete(String url) {
        return request("DELETE", url);
    }

    /** A {@code HEAD}. */
    public Call head(String url) {
        return request("HEAD", url);
    }

    /** A request with any method ({@code OPTIONS}, {@code PROPFIND}). */
    public Call request(String method, String url) {
        return new Call(this, method, url);
    }

    /** Connections open now to the origin (scheme, host, port) of {@code url}, idle ones included. */
    public int connections(String url) {
        Transport t = transport;
        return t == null ? 0 : t.openConnections(URI.create(url));
    }

    Calls calls(String method, String url) {
        Calls c = calls;
        if (c == null || closed)
            throw new ClientClosedException(
                    closed
                            ? "the HTTP client is closed (its app stopped, or close() was called)"
                            : "the HTTP client is not open: install it (app.install(http)) and start the app, or use Http.open",
                    method,
                    url,
                    null);
        return c;
    }

    ObjectMapper mapper() {
        ObjectMapper m = mapper;
        return m != null
                ? m
                : config.jsonMapper().orElseGet(() -> JsonMapper.builder().build());
    }

    /** Fails the calls in flight, closes every connection; later calls fail with {@link ClientClosedException}. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Transport t = transport;
        if (t != null) t.close();
    }
}
