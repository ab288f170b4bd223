package dev.tulip.mongo.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.connection.TransportSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.tulip.mongo.MongoConfig;
import dev.tulip.spi.EventLoops;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.UuidRepresentation;

/** Opens the driver's client from a {@link MongoConfig}, on the app's loops when asked. */
public final class Clients {
    private Clients() {}

    /** A client whose I/O runs on {@code loops} (when the config says so); the app shuts the loops down, after it. */
    public static MongoClient open(MongoConfig config, EventLoops loops) {
        MongoClientSettings.Builder b = MongoClientSettings.builder()
                .applyConnectionString(connectionString(config))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .applyToClusterSettings(c ->
                        c.serverSelectionTimeout(config.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(
                        s -> s.connectTimeout((int) config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
        if (config.appLoops()) {
            b.transportSettings(TransportSettings.nettyBuilder()
                    .eventLoopGroup(loops.group())
                    .socketChannelClass(loops.socketChannel())
                    .build());
        }
        return MongoClients.create(b.build());
    }

    /** The database named in the URI, if any. */
    public static Optional<String> uriDatabase(MongoConfig config) {
        return Optional.ofNullable(connectionString(config).getDatabase());
    }

    private static ConnectionString connectionString(MongoConfig config) {
        String uri = config.uri().get();
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the MongoDB URI is not valid (" + e.getMessage() + "); expected mongodb://host:port/database", e);
        }
    }
}
