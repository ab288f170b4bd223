package dev.tulip.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.Key;
import dev.tulip.Tulip;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every hook of the SPI, through a test integration, over real sockets. */
class IntegrationIT {
    private final List<String> events = new CopyOnWriteArrayList<>();
    /** A response read with the JDK's {@link HttpURLConnection} (the core's tests do not read java.net.http). */
    record Got(int statusCode, String body, java.util.Map<String, List<String>> headerMap) {
        java.util.Optional<String> header(String name) {
            return headerMap.entrySet().stream()
                    .filter(e -> name.equalsIgnoreCase(e.getKey()))
                    .map(e -> e.getValue().getFirst())
                    .findFirst();
        }
    }

    private static Got get(Tulip app, String path) throws Exception {
        var c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + app.port() + path).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(10_000);
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Got(status, body, c.getHeaderFields());
    }

    private static java.util.concurrent.CompletableFuture<Got> getAsync(Tulip app, String path) {
        var f = new java.util.concurrent.CompletableFuture<Got>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete(get(app, path));
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Test
    void anIntegrationAddsRoutesAndMiddlewareThatServe() throws Exception {
        var pg = new RecordingIntegration("pg", events);
        Tulip app = Tulip.create(c -> c.port(0)).install(pg).start();
        try {
            Got r = get(app, "/pg/hello/ada");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("hello ada");
            assertThat(r.header("X-pg")).contains("seen");
        } finally {
            app.stop();
        }
    }

    @Test
    void resourcesOpenOnLiveLoopsBeforeTheBindAndCloseInReverseBeforeTheLoopsStop() {
        var first = new RecordingIntegration("first", events);
        var second = new RecordingIntegration("second", events);
        Key<String> mine = Key.of("mine", String.class);
        Tulip app = Tulip.create(c -> c.port(0)).install(first);
        app.resource(
                mine,
                ctx -> {
                    events.add("app open");
                    return "x";
                },
                v -> events.add("app close"));
        app.install(second).start();
        app.stop();

        assertThat(events)
                .containsExactly(
                        "first open (port -1)",
                        "app open",
                        "second open (port -1)",
                        "second close",
                        "app close",
                        "first close");
        assertThat(first.loopsSeenAtOpen).isNotNull();
        assertThat(first.loopsAliveAtClose)
                .as("loops still up when the last resource closes")
                .isTrue();
        assertThat(first.loopsSeenAtOpen.group().isShuttingDown())
                .as("loops stopped after")
                .isTrue();
    }

    @Test
    void anInFlightRequestFinishesBeforeResourcesClose() throws Exception {
        var db = new RecordingIntegration("db", events);
        Tulip app = Tulip.create(c -> c.port(0).drainTimeout(Duration.ofSeconds(10)))
                .install(db);
        var started = new java.util.concurrent.CountDownLatch(1);
        app.get("/slow", req -> {
            started.countDown();
            Thread.sleep(500);
            events.add("slow answered");
            return "done";
        });
        app.start();
        var response = getAsync(app, "/slow");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(app.stop()).isTrue();

        assertThat(response.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
        assertThat(events).containsSubsequence("slow answered", "db close");
    }

    @Test
    void anIntegrationReachesTheAppsLoopsWithAMatchingClientChannel() throws Exception {
        var client = new RecordingIntegration("client", events);
        Tulip app = Tulip.create(c -> c.port(0)).install(client).start();
        try {
            EventLoops loops = client.runtime.loops();
            assertThat(loops.loops()).hasSize(app.config().eventLoops());
            assertThat(loops.transport()).isIn("epoll", "io_uring", "nio");
            var ch = client.dial(app.port());
            assertThat(ch.isActive()).isTrue();
            assertThat(loops.loops()).contains(ch.eventLoop());
            ch.close().sync();
        } finally {
            app.stop();
        }
    }

    @Test
    void theLoopsAreOnlyReachableWhileTheAppRuns() {
        var client = new RecordingIntegration("client", events);
        Tulip.create(c -> c.port(0)).install(client);

        assertThatThrownBy(() -> client.runtime.loops())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resource's opener");
    }

    @Test
    void observersSeeMethodRouteStatusBytesDurationAndOutcome() throws Exception {
        var metrics = new RecordingIntegration("m", events);
        Tulip app = Tulip.create(c -> c.port(0)).install(metrics).start();
        try {
            get(app, "/m/hello/bob");
            get(app, "/nowhere");
        } finally {
            app.stop();
        }
        assertThat(metrics.requests).hasSize(2);
        RequestEvent hello = metrics.requests.get(0);
        assertThat(hello.method()).isEqualTo("GET");
        assertThat(hello.target()).isEqualTo("/m/hello/bob");
        assertThat(hello.route()).contains("/m/hello/{who}");
        assertThat(hello.status()).isEqualTo(200);
        assertThat(hello.bodyBytes()).isEqualTo("hello bob".length());
        assertThat(hello.durationNanos()).isPositive();
        assertThat(hello.outcome()).isEqualTo(RequestEvent.Outcome.SENT);
        assertThat(hello.remote()).isPresent();
        RequestEvent missing = metrics.requests.get(1);
        assertThat(missing.route()).isEmpty();
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void observersSeeShedAndRejectedRequests() throws Exception {
        var metrics = new RecordingIntegration("m", events);
        var release = new java.util.concurrent.CountDownLatch(1);
        Tulip app = Tulip.create(c -> c.port(0).maxConcurrentRequests(1)).install(metrics);
        app.get("/hold", req -> {
            release.await(5, TimeUnit.SECONDS);
            return "held";
        });
        app.start();
        try {
            var held = getAsync(app, "/hold");
            // until /hold holds the one slot: a request sent before that is served, not shed
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (get(app, "/m/hello/x").statusCode() != 503 && System.nanoTime() < giveUp) Thread.sleep(10);
            release.countDown();
            held.get(5, TimeUnit.SECONDS);
            try (Socket s = new Socket("127.0.0.1", app.port())) {
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n".getBytes());
                s.getInputStream().readAllBytes();
            }
        } finally {
            app.stop();
        }
        assertThat(metrics.requests)
                .extracting(RequestEvent::outcome)
                .contains(RequestEvent.Outcome.SHED, RequestEvent.Outcome.REJECTED);
        assertThat(metrics.requests)
                .filteredOn(e -> e.outcome() == RequestEvent.Outcome.REJECTED)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aRouteTakesItsConnectionOverAfter101WithTheBytesSentBehindTheRequest() throws Exception {
        var ws = new RecordingIntegration("ws", events);
        Tulip app = Tulip.create(c -> c.port(0)).install(ws).start();
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /ws/echo HTTP/1.1\r\nHost: a\r\nUpgrade: line-echo\r\nConnection: Upgrade\r\n\r\n"
                            + "early\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");
            String line;
            List<String> head = new java.util.ArrayList<>();
            while (!(line = in.readLine()).isEmpty()) head.add(line);
            assertThat(head).contains("Upgrade: line-echo", "Connection: Upgrade");
            assertThat(head).noneMatch(h -> h.startsWith("Content-Length"));
            assertThat(in.readLine()).as("bytes sent behind the request").isEqualTo("early");
            out.write("GET / HTTP/1.1\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).as("no longer parsed as HTTP").isEqualTo("GET / HTTP/1.1");

            Thread stopper = Thread.ofVirtual().start(app::stop);
            assertThat(in.readLine()).as("the drain tells the protocol").isEqualTo("bye");
            assertThat(in.read()).isEqualTo(-1);
            stopper.join(10_000);
        }
        assertThat(app.state()).isEqualTo(Tulip.State.STOPPED);
        assertThat(ws.requests).extracting(RequestEvent::outcome).containsExactly(RequestEvent.Outcome.UPGRADED);
        assertThat(events).contains("ws upgraded /ws/echo");
    }

    @Test
    void anUpgradeAnswerToARequestThatDidNotAskForOneIsAServerErrorNotATakeover() throws Exception {
        var ws = new RecordingIntegration("ws", events);
        Tulip app = Tulip.create(c -> c.port(0)).install(ws).start();
        try {
            assertThat(get(app, "/ws/echo").statusCode()).isEqualTo(500);
            assertThat(events).noneMatch(e -> e.contains("upgraded"));
        } finally {
            app.stop();
        }
    }

    @Test
    void anUpgradeRequestAnsweredNormallyLetsTheNextPipelinedRequestThrough() throws Exception {
        Tulip app = Tulip.create(c -> c.port(0));
        app.get("/plain", req -> "plain");
        app.start();
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream()
                    .write(("GET /plain HTTP/1.1\r\nHost: a\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n"
                                    + "GET /plain HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(all.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        } finally {
            app.stop();
        }
    }

    @Test
    void oneIntegrationMaySupplyTheLoopsAndTheyCloseLastAfterEveryResource() throws Exception {
        var db = new RecordingIntegration("db", events);
        LoopSupplier supplier = new LoopSupplier() {
            @Override
            public EventLoops open(Config config) {
                events.add("loops open");
                return new EventLoops(
                        new MultiThreadIoEventLoopGroup(
                                1, new DefaultThreadFactory("supplied-loop"), NioIoHandler.newFactory()),
                        NioServerSocketChannel.class,
                        NioSocketChannel.class,
                        "supplied");
            }

            @Override
            public void close(EventLoops loops) {
                events.add("loops close");
                loops.group().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        };
        Tulip app = Tulip.create(c -> c.port(0))
                .install(setup -> setup.supplyLoops(supplier))
                .install(db);
        app.get("/thread", Handler.nonBlocking(req -> Thread.currentThread().getName()));
        app.start();
        try {
            assertThat(get(app, "/thread").body()).startsWith("supplied-loop");
        } finally {
            app.stop();
        }
        assertThat(events).containsExactly("loops open", "db open (port -1)", "db close", "loops close");
    }

    @Test
    void aSecondLoopSupplierIsAnError() {
        LoopSupplier s = new LoopSupplier() {
            @Override
            public EventLoops open(Config config) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close(EventLoops loops) {}
        };
        Tulip app = Tulip.create().install(setup -> setup.supplyLoops(s));

        assertThatThrownBy(() -> app.install(setup -> setup.supplyLoops(s)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at most one");
    }

    @Test
    void anIntegrationValueInstallsIntoOneAppOnly() {
        var pg = new RecordingIntegration("pg", events);
        Tulip app = Tulip.create().install(pg);

        assertThatThrownBy(() -> app.install(pg)).hasMessageContaining("already installed into this app");
        assertThatThrownBy(() -> Tulip.create().install(pg))
                .hasMessageContaining("already installed into another app")
                .hasMessageContaining("one RecordingIntegration value per app");
    }

    @Test
    void integrationsInstallOnlyBeforeTheAppStarts() {
        Tulip app = Tulip.create(c -> c.port(0)).start();
        try {
            assertThatThrownBy(() -> app.install(new RecordingIntegration("late", events)))
                    .hasMessageContaining("the app has started");
        } finally {
            app.stop();
        }
    }

    @Test
    void inProcessTheAppOpensItsResourcesWithoutBindingASocket() {
        var db = new RecordingIntegration("db", events);
        Tulip app = Tulip.create(c -> c.port(0)).install(db);
        try (InProcess running = app.startInProcess()) {
            InProcess.Result r = running.send("GET", "/db/hello/ann", List.of(), null);
            assertThat(r.response().status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello ann");
            assertThat(r.response().header("X-db")).contains("seen");
            assertThat(app.port()).isEqualTo(-1);
            assertThat(db.requests)
                    .extracting(RequestEvent::route)
                    .containsExactly(java.util.Optional.of("/db/hello/{who}"));
        }
        assertThat(events).containsExactly("db open (port -1)", "db close");
        assertThat(app.state()).isEqualTo(Tulip.State.STOPPED);
    }

    @Test
    void theRoutePatternIsOnTheRequest() throws Exception {
        Tulip app = Tulip.create(c -> c.port(0));
        app.group("/users", g -> g.get("/{id:int}", req -> req.route().orElse("none")));
        List<String> seen = new CopyOnWriteArrayList<>();
        app.use((req, next) -> {
            seen.add(req.route().orElse("none"));
            return next.handle(req);
        });
        app.start();
        try {
            assertThat(get(app, "/users/7").body()).isEqualTo("/users/{id:int}");
            assertThat(get(app, "/missing").statusCode()).isEqualTo(404);
            assertThat(seen).containsExactly("/users/{id:int}", "none");
        } finally {
            app.stop();
        }
    }
}
