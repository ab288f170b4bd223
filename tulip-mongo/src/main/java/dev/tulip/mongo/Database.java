package dev.tulip.mongo;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.tulip.Tulip;
import dev.tulip.mongo.internal.BsonValues;
import dev.tulip.mongo.internal.Publishers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.bson.conversions.Bson;
import tools.jackson.databind.node.ObjectNode;

/** A database: a handle, valid before the app starts; calls need it started. */
public final class Database {
    private final Mongo mongo;
    private final Optional<String> name;

    Database(Mongo mongo, Optional<String> name) {
        this.mongo = mongo;
        this.name = name;
    }

    /** The database's name (known once the URI is: for a URI given as a supplier, once the app started). */
    public String name() {
        return mongo.databaseName(name);
    }

    /** A collection, documents as JSON trees, ids ObjectIds. */
    public Collection<ObjectNode> collection(String collection) {
        return collection(collection, ObjectNode.class);
    }

    /** A collection, documents as {@code type} (a record, a Jackson tree, or the driver's {@code Document}). */
    public <T> Collection<T> collection(String collection, Class<T> type) {
        if (collection == null || collection.isEmpty() || collection.startsWith("system.") || collection.contains("$"))
            throw new IllegalArgumentException("'" + collection + "' is not a usable collection name");
        return new Collection<>(this, collection, type, IdType.OBJECT_ID);
    }

    /** Runs a database command ({@code new Document("ping", 1)}) and returns its reply. */
    public ObjectNode command(Bson command) {
        return Tulip.await(commandAsync(command));
    }

    /** {@link #command} as a stage. */
    public CompletionStage<ObjectNode> commandAsync(Bson command) {
        return Publishers.one(driver().runCommand(command, ObjectNode.class));
    }

    /** The names of the database's collections. */
    public List<String> collectionNames() {
        return Tulip.await(Publishers.list(driver().listCollectionNames(), Integer.MAX_VALUE));
    }

    /** Drops the database and everything in it. */
    public void drop() {
        Tulip.await(Publishers.list(driver().drop(), 1));
    }

    Object driverKey() {
        return mongo.client();
    }

    MongoDatabase driver() {
        return mongo.client().getDatabase(name()).withCodecRegistry(BsonValues.DEFAULT_REGISTRY);
    }
}
