package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Tulip;
import java.util.List;
import java.util.function.Consumer;

/** Lifecycle: a resource opened before the app starts, shared by handlers, closed after it stops. */
public final class LifecycleExamples {
    private LifecycleExamples() {}

    /** A stand-in for a database connection pool. */
    public static final class Db implements AutoCloseable {
        private volatile boolean closed;

        /** Opens the pool. */
        public static Db connect() {
            return new Db();
        }

        /** How many rows there are. */
        public long count() {
            return users().size();
        }

        /** The users' names. */
        public List<String> users() {
            if (closed) throw new IllegalStateException("closed");
            return List.of("ada", "grace");
        }

        /** Whether {@link #close} ran. */
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The guide's lifecycle example. */
    public static Tulip guide(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::guide-lifecycle[]
        app.onBeforeStart(ctx -> ctx.put(Db.class, Db.connect())); // once per app, not per event loop
        app.get("/n", req -> req.app().get(Db.class).count());
        app.onAfterStop(ctx -> ctx.get(Db.class).close()); // after every request has drained
        // end::guide-lifecycle[]
        return app;
    }

    /** The {@link dev.tulip.AppContext} javadoc's example. */
    public static Tulip appContext(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::app-context-javadoc[]
        app.onBeforeStart(ctx -> ctx.put(Db.class, Db.connect()));
        app.get("/users", req -> req.app().get(Db.class).users());
        app.onAfterStop(ctx -> ctx.get(Db.class).close());
        // end::app-context-javadoc[]
        return app;
    }
}
