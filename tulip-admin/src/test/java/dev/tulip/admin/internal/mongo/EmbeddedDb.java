package dev.tulip.admin.internal.mongo;

import dev.tulip.Tulip;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.IdType;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.embedded.EmbeddedMongo;
import org.bson.Document;

/** An app with an in-memory embedded MongoDB and a Mongo on it, started in process: one per test class. */
final class EmbeddedDb implements AutoCloseable {
    final EmbeddedMongo server = EmbeddedMongo.inMemory();
    final Mongo mongo;
    private final Tulip app;

    private EmbeddedDb(String database) {
        app = Tulip.create(c -> c.port(0));
        app.install(server);
        mongo = Mongo.create(cfg -> cfg.uri(() -> server.uri() + "/" + database));
        app.install(mongo);
        app.startInProcess();
    }

    static EmbeddedDb start(String database) {
        return new EmbeddedDb(database);
    }

    /** A collection of documents as the driver has them, ids stored as given. */
    Collection<Document> collection(String name) {
        return mongo.database().collection(name, Document.class).withIds(IdType.STRING);
    }

    void dropAll() {
        mongo.database().drop();
    }

    @Override
    public void close() {
        app.stop();
    }
}
