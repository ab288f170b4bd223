package dev.tulip.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Handler;
import dev.tulip.Tulip;
import dev.tulip.spi.EventLoops;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import dev.tulip.test.TestResponse;
import dev.tulip.test.TestServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The client opens with the app, runs its I/O on the app's loops, and closes after the drain. */
class MongoLifecycleIT {
    /** Remembers the app's loops, to ask whether a thread is one of them. */
    static final class LoopProbe implements Integration {
        final AtomicReference<EventLoops> loops = new AtomicReference<>();

        @Override
        public void install(Setup setup) {
            setup.resource(
                    "probe", ctx -> loops.updateAndGet(l -> setup.runtime().loops()), l -> {});
        }

        boolean onAppLoop() {
            return loops.get().loops().stream().anyMatch(l -> l.inEventLoop());
        }
    }

    private static ObjectNode doc() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("n", 1);
        return o;
    }

    private static boolean callbackOnAppLoop(boolean appLoops) throws Exception {
        MongoApp m = MongoApp.startWith(appLoops);
        try {
            LoopProbe probe = m.probe;
            return m.mongo
                    .collection("c")
                    .insertOneAsync(doc())
                    .thenApply(id -> probe.onAppLoop())
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
        } finally {
            m.close();
        }
    }

    @Test
    void theDriversCallbacksRunOnTheAppsEventLoops() throws Exception {
        assertThat(callbackOnAppLoop(true)).isTrue();
    }

    @Test
    void withAppLoopsOffTheDriverUsesItsOwnThreads() throws Exception {
        assertThat(callbackOnAppLoop(false)).isFalse();
    }

    @Test
    void callsBeforeTheAppStartsSayWhatToDo() {
        Mongo mongo = Mongo.create(cfg -> cfg.uri("mongodb://127.0.0.1:1"));
        var coll = mongo.collection("c"); // a handle is fine before the start
        assertThatThrownBy(() -> coll.count(Filter.all()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app.install(mongo)");
    }

    @Test
    void callsAfterTheAppStoppedAreRefused() {
        MongoApp m = MongoApp.start();
        var coll = m.mongo.collection("c");
        coll.insertOne(doc());
        m.close();
        assertThat(m.mongo.isOpen()).isFalse();
        assertThatThrownBy(() -> coll.count(Filter.all())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneMongoValueBelongsToOneApp() {
        Mongo mongo = Mongo.create(cfg -> {});
        Tulip.create(c -> c.port(0)).install(mongo);
        assertThatThrownBy(() -> Tulip.create(c -> c.port(0)).install(mongo))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another app");
    }

    @Test
    void aRequestInFlightDuringTheStopStillReachesTheDatabase() throws Exception {
        MongoApp m = MongoApp.create();
        var coll = m.mongo.collection("drain");
        var entered = new java.util.concurrent.CountDownLatch(1);
        var stopping = new java.util.concurrent.CountDownLatch(1);
        m.app.post("/slow", req -> {
            entered.countDown();
            stopping.await(10, TimeUnit.SECONDS); // writes only once the stop has begun
            return Map.of("id", coll.insertOne(doc()));
        });
        m.app.onBeforeStop(ctx -> stopping.countDown());
        TestServer server = TestServer.start(m.app);
        CompletableFuture<TestResponse> inFlight =
                CompletableFuture.supplyAsync(() -> server.client().post("/slow", Map.of()));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(server::stop);
        TestResponse r = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(stopped.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aNonBlockingRouteReturnsTheStageItself() {
        MongoApp m = MongoApp.create();
        var coll = m.mongo.collection("nb");
        m.app.post("/nb", Handler.nonBlocking(req -> coll.insertOneAsync(doc()).thenApply(id -> Map.of("id", id))));
        try (TestServer server = TestServer.start(m.app)) {
            TestResponse r = server.client().post("/nb", Map.of());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("id").asString()).hasSize(24);
        }
    }
}
