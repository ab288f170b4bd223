package dev.tulip.mongo;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.tulip.mongo.internal.Clients;
import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * MongoDB for a Tulip app, on the official reactive-streams driver:
 *
 * <pre>{@code
 * Mongo mongo = Mongo.create(cfg -> cfg.uri("mongodb://127.0.0.1:27017/shop"));
 * app.install(mongo);
 * var contacts = mongo.collection("contacts");
 * app.get("/", req -> contacts.find().list(20));
 * }</pre>
 *
 * The client opens once, as a resource of the app (after the event loops exist, with the driver's
 * I/O on them) and closes after the drain. Handles ({@link #database()}, {@link #collection}) can be
 * taken before the app starts; calls on them need the app started. Every call comes in two forms:
 * plain ({@code list}, {@code insertOne}), which blocks a handler's virtual thread, and
 * {@code ...Async}, a {@code CompletionStage} for code on an event loop. Failures are
 * {@link MongoFailure}s that answer with the right status when a handler lets them through.
 */
public final class Mongo implements Integration {
    private final InstallOnce once = new InstallOnce("Mongo");
    private final MongoConfig config;
    private volatile MongoClient client;

    private Mongo(MongoConfig config) {
        this.config = config;
    }

    /** A Mongo value configured by {@code configure}; install it with {@code app.install(mongo)}. */
    public static Mongo create(Consumer<MongoConfig.Builder> configure) {
        MongoConfig.Builder b = new MongoConfig.Builder();
        configure.accept(b);
        return new Mongo(b.build());
    }

    /** The connection string in {@code MONGODB_URI}, if that is set and not blank. */
    public static Optional<String> environmentUri() {
        return Optional.ofNullable(System.getenv(MongoConfig.ENV)).filter(s -> !s.isBlank());
    }

    @Override
    public void install(Setup setup) {
        once.claim(setup);
        setup.resource(
                "mongo",
                ctx -> {
                    MongoClient c = Clients.open(config, setup.runtime().loops());
                    client = c;
                    return c;
                },
                c -> {
                    client = null;
                    c.close();
                });
    }

    /** The settings. */
    public MongoConfig config() {
        return config;
    }

    /** The default database (the configured one, else the URI's, else {@code test}). */
    public Database database() {
        return new Database(this, Optional.empty());
    }

    /** The database {@code name}. */
    public Database database(String name) {
        return new Database(this, Optional.of(name));
    }

    /** A collection of the default database, documents as JSON trees, ids ObjectIds. */
    public Collection<ObjectNode> collection(String name) {
        return database().collection(name);
    }

    /** A collection of the default database, documents as {@code type} (a record, a tree, {@code Document}). */
    public <T> Collection<T> collection(String name, Class<T> type) {
        return database().collection(name, type);
    }

    /** Whether the client is open (the app started and not yet stopped). */
    public boolean isOpen() {
        return client != null;
    }

    MongoClient client() {
        MongoClient c = client;
        if (c == null)
            throw new IllegalStateException(
                    "Mongo is not open: install it (app.install(mongo)) and start the app first");
        return c;
    }

    String databaseName(Optional<String> name) {
        return name.or(config::database)
                .orElseGet(() -> Clients.uriDatabase(config).orElse("test"));
    }
}
