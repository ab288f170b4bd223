package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.AppContext;
import dev.tulip.Closer;
import dev.tulip.Config;
import dev.tulip.ConfigException;
import dev.tulip.Cookie;
import dev.tulip.ExceptionHandler;
import dev.tulip.Handler;
import dev.tulip.Headers;
import dev.tulip.HttpException;
import dev.tulip.Key;
import dev.tulip.LifecycleException;
import dev.tulip.Listener;
import dev.tulip.Middleware;
import dev.tulip.Opener;
import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.Routes;
import dev.tulip.Tulip;
import dev.tulip.spi.EventLoops;
import dev.tulip.spi.InProcess;
import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.LoopSupplier;
import dev.tulip.spi.RequestEvent;
import dev.tulip.spi.RequestObserver;
import dev.tulip.spi.Runtime;
import dev.tulip.spi.Setup;
import dev.tulip.spi.Upgrade;
import dev.tulip.spi.UpgradedConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uses every public type and method of {@code dev.tulip} and {@code dev.tulip.spi}, written as an
 * app and an integration would write them. This module's tests compile against Tulip's module
 * descriptor, so only exported packages are visible: a change to the public API, or a type that
 * stops being exported, fails the build here first. The one test runs the lot once.
 */
class PublicApiTest {
    private static final Key<StringBuilder> LOG = Key.of("log", StringBuilder.class);

    /** Every type of the API, held in a variable of its own type. */
    static Tulip declare() {
        Config config = Config.defaults().toBuilder()
                .host("127.0.0.1")
                .port(0)
                .eventLoops(1)
                .transport(Config.Transport.AUTO)
                .maxRequestLine(8192)
                .maxHeaderSize(16384)
                .maxHeaderCount(100)
                .maxBodySize(1 << 20)
                .headTimeout(Duration.ofSeconds(10))
                .idleTimeout(Duration.ofSeconds(60))
                .handlerTimeout(Duration.ofSeconds(30))
                .maxConcurrentRequests(100)
                .maxPipelined(16)
                .drainTimeout(Duration.ofSeconds(5))
                .accessLog(false)
                .serverHeader("Tulip")
                .jsonMapper(JsonMapper.builder().build())
                .set("max-pipelined", "32", "test")
                .fromEnv(Map.of())
                .fromArgs("--idle-timeout", "30s")
                .build();
        List<Object> values = List.of(
                config.host(),
                config.port(),
                config.eventLoops(),
                config.transport(),
                config.maxRequestLine(),
                config.maxHeaderSize(),
                config.maxHeaderCount(),
                config.maxBodySize(),
                config.headTimeout(),
                config.idleTimeout(),
                config.handlerTimeout(),
                config.maxConcurrentRequests(),
                config.maxPipelined(),
                config.drainTimeout(),
                config.accessLog(),
                config.serverHeader(),
                config.jsonMapper());
        assertThat(values).hasSize(17);

        Tulip app = Tulip.create(cfg -> cfg.port(0).eventLoops(1));
        Handler hello = req -> Response.text("hello " + req.pathParam("who"));
        Handler fast = Handler.nonBlocking(req -> CompletableFuture.completedFuture("fast"));
        Middleware timing = (req, next) -> next.handle(req);
        ExceptionHandler<IllegalStateException> conflict =
                (e, req) -> Response.json(409, Map.of("error", e.getMessage()));
        Listener noop = ctx -> {};
        Opener<StringBuilder> open = ctx -> new StringBuilder();
        Closer<StringBuilder> close = sb -> sb.setLength(0);
        Routes routes = app.get("/hello/{who}", hello)
                .post("/p", Request::text)
                .put("/p", Request::body)
                .patch("/p", req -> req.json(Map.class))
                .delete("/p", req -> Response.noContent())
                .head("/h", req -> Response.of(200))
                .options("/o", req -> Response.noContent())
                .route("PROPFIND", "/dav", req -> "dav")
                .get("/fast", fast)
                .get("/request", PublicApiTest::everyRequestAccessor)
                .get("/responses/{n:int}", req -> everyResponse(req.pathInt("n")))
                .use(timing)
                .group("/g", g -> g.use(timing).get("/x", req -> "x"))
                .exception(IllegalStateException.class, conflict)
                .resource(LOG, open, close)
                .onBeforeStart(noop)
                .onAfterStart(noop)
                .onBeforeStop(noop)
                .onAfterStop(noop);
        assertThat(routes).isSameAs(app);
        assertThat(app.state()).isEqualTo(Tulip.State.NEW);
        assertThat(Tulip.State.values()).hasSize(4);
        return app;
    }

    static Object everyRequestAccessor(Request req) throws Exception {
        Headers h = req.headers();
        AppContext ctx = req.context();
        req.attribute("a", 1);
        Optional<Integer> a = req.attribute("a", Integer.class);
        req.removeAttribute("a");
        InetSocketAddress remote = req.remoteAddress();
        Optional<String> route = req.route();
        int q = req.queryInt("i", 1);
        long ql = req.queryLong("l", 2L);
        boolean qb = req.queryBoolean("b", false);
        List<String> all = req.queryAll("t");
        Map<String, List<String>> params = req.queryParams();
        Map<String, String> path = req.pathParams();
        Optional<String> cookie = req.cookie("c");
        Map<String, String> cookies = req.cookies();
        if (req.query("json").isPresent()) {
            req.json(Map.class);
            req.json(new TypeReference<List<String>>() {});
            req.form();
            req.formValue("f");
            req.pathLong("x");
            req.pathUuid("x");
        }
        return List.of(
                req.method(),
                req.uri(),
                req.path(),
                req.version(),
                req.rawQuery(),
                req.query("x", "none"),
                req.header("Host").orElse("-"),
                req.contentType().orElse("-"),
                req.text(),
                req.body().length,
                h.first("Host").isPresent(),
                h.all("Host").size(),
                h.contains("Host"),
                h.names().size(),
                h.size() > 0 ? h.name(0) + h.value(0) : "",
                ctx.port(),
                ctx.host(),
                a.isPresent(),
                remote.getPort() >= 0,
                route.orElse("-"),
                q + ql,
                qb,
                all,
                params,
                path,
                cookie.isPresent(),
                cookies);
    }

    static Response everyResponse(int n) {
        Response r = switch (n) {
            case 0 -> Response.json(Map.of("n", 0));
            case 1 -> Response.json(201, List.of(1));
            case 2 -> Response.text(202, "t");
            case 3 -> Response.html("<p>h</p>");
            case 4 -> Response.bytes(new byte[] {1}, "application/octet-stream");
            case 5 -> Response.redirect("/elsewhere");
            case 6 -> Response.redirect(308, "/elsewhere");
            case 7 -> Response.stream("text/plain", out -> out.write('s'));
            case 8 -> Response.notFound();
            default -> Response.text("t");
        };
        Response.Body body = r.body();
        String kind = switch (body) {
            case Response.Body.Empty e -> "empty";
            case Response.Body.Bytes b -> "bytes";
            case Response.Body.Text t -> "text";
            case Response.Body.Json j -> "json";
            case Response.Body.Stream s -> "stream";
            case Response.Body.File f -> "file";
            case Response.Body.Takeover t -> "takeover";
        };
        Cookie c = Cookie.of("c", "v")
                .path("/")
                .domain("example.com")
                .maxAge(Duration.ofMinutes(1))
                .expires(Instant.EPOCH)
                .secure()
                .httpOnly()
                .sameSite(Cookie.SameSite.LAX)
                .partitioned();
        return r.header("X-Kind", kind)
                .addHeader("X-Cookie", c.toSetCookie().isEmpty() ? "none" : "set")
                .removeHeader("X-Nothing")
                .cookie(Cookie.expired("old"))
                .status(r.status())
                .contentType(r.header("Content-Type").orElse("text/plain"))
                .header("X-Count", r.headers().size() + "/" + r.cookies().size());
    }

    /** Every SPI hook, as an integration uses it. */
    static final class EveryHook implements Integration {
        private final InstallOnce once = new InstallOnce("EveryHook");
        volatile Runtime runtime;
        volatile RequestEvent last;

        @Override
        public void install(Setup setup) {
            once.claim(setup);
            runtime = setup.runtime();
            RequestObserver observer = e -> last = e;
            Upgrade upgrade = (UpgradedConnection c) -> c.channel().close();
            setup.observe(observer)
                    .resource("hook", ctx -> runtime.loops(), (EventLoops loops) -> {})
                    .app()
                    .get("/upgrade", req -> Response.upgrade("none", upgrade));
            assertThat(runtime.config()).isNotNull();
            assertThat(runtime.context()).isNotNull();
        }
    }

    /** A supplier's shape; not installed (the app's own loops are used). */
    static final LoopSupplier SUPPLIER = new LoopSupplier() {
        @Override
        public EventLoops open(Config config) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public void close(EventLoops loops) {}
    };

    @Test
    void theWholePublicApiCompilesAndRuns() throws IOException {
        var hook = new EveryHook();
        Tulip app = declare().install(hook);
        assertThat(SUPPLIER).isNotNull();
        try (InProcess direct = app.startInProcess()) {
            InProcess.Result r = direct.send("GET", "/hello/api", List.of(Map.entry("Host", "x")), null);
            assertThat(r.response().status()).isEqualTo(200);
            assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("hello api");
            for (int n = 0; n <= 9; n++) {
                var rr = direct.send("GET", "/responses/" + n, List.of(Map.entry("Host", "x")), null);
                assertThat(rr.response().header("X-Kind")).isPresent();
            }
            assertThat(direct.send("GET", "/request?x=1", List.of(Map.entry("Host", "x")), null)
                            .response()
                            .status())
                    .isEqualTo(200);
            assertThat(hook.last.route()).contains("/request");
            assertThat(hook.runtime.loops().loops()).hasSize(1);
            assertThat(Tulip.await(CompletableFuture.completedFuture("awaited")))
                    .isEqualTo("awaited");
            assertThat(app.context().get(LOG)).isNotNull();
            assertThat(app.config().eventLoops()).isEqualTo(1);
            assertThat(app.port()).isEqualTo(-1);
        }
        assertThat(app.state()).isEqualTo(Tulip.State.STOPPED);
        assertThat(new HttpException(418, "teapot").status()).isEqualTo(418);
        assertThat(HttpException.badRequest("b").status()).isEqualTo(400);
        assertThat(HttpException.notFound("n").status()).isEqualTo(404);
        assertThat(new ConfigException("c")).hasMessage("c");
        assertThat(new LifecycleException("step", "m", null).step()).isEqualTo("step");
    }
}
