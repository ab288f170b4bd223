package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Key;
import dev.tulip.Tulip;
import java.util.List;
import java.util.function.Consumer;

/** Lifecycle: a resource opened before the app starts, shared by handlers, closed after it stops. */
public final class LifecycleExamples {
    /** Where the guide's handlers find the pool. */
    public static final Key<Db> DB = Key.of("db", Db.class);

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
        // static final Key<Db> DB = Key.of("db", Db.class);
        app.resource(DB, ctx -> Db.connect(), Db::close); // opened once per app, closed after the drain
        app.get("/n", req -> req.context().get(DB).count());
        // end::guide-lifecycle[]
        return app;
    }

    /** The {@link dev.tulip.AppContext} javadoc's example. */
    public static Tulip appContext(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::app-context-javadoc[]
        var db = Key.of("db", Db.class);
        app.resource(db, ctx -> Db.connect(), Db::close);
        app.get("/users", req -> req.context().get(db).users());
        // end::app-context-javadoc[]
        return app;
    }

    /** The {@link Tulip#resource} javadoc's example. */
    public static Tulip resourceJavadoc(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::resource-javadoc[]
        app.resource(DB, ctx -> Db.connect(), Db::close);
        // end::resource-javadoc[]
        app.get("/users", req -> req.context().get(DB).users());
        return app;
    }
}
