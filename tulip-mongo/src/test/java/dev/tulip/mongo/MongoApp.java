package dev.tulip.mongo;

import dev.tulip.Tulip;
import dev.tulip.mongo.embedded.EmbeddedMongo;
import java.util.function.Consumer;

/** A test app with an in-memory embedded server and a Mongo on it, started in process (loops and resources, no socket). */
final class MongoApp implements AutoCloseable {
    final EmbeddedMongo server = EmbeddedMongo.inMemory();
    final Mongo mongo;
    final Tulip app;
    final MongoLifecycleIT.LoopProbe probe = new MongoLifecycleIT.LoopProbe();

    private MongoApp(Consumer<MongoConfig.Builder> configure, boolean inProcess) {
        app = Tulip.create(c -> c.port(0));
        app.install(probe);
        app.install(server);
        mongo = Mongo.create(cfg -> {
            cfg.uri(() -> server.uri() + "/tests");
            configure.accept(cfg);
        });
        app.install(mongo);
    }

    /** Started in process. */
    static MongoApp start() {
        return start(cfg -> {});
    }

    static MongoApp start(Consumer<MongoConfig.Builder> configure) {
        MongoApp m = new MongoApp(configure, true);
        m.app.startInProcess();
        return m;
    }

    /** Started in process, the driver on the app's loops or not. */
    static MongoApp startWith(boolean appLoops) {
        return start(cfg -> cfg.appLoops(appLoops));
    }

    /** Not started: the caller adds routes and starts it. */
    static MongoApp create() {
        return new MongoApp(cfg -> {}, false);
    }

    @Override
    public void close() {
        app.stop();
    }
}
