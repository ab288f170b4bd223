package dev.tulip.mongo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How {@link Mongo} connects: set in code ({@code Mongo.create(cfg -> cfg.uri(...))}), or from the
 * environment variable {@code MONGODB_URI} when the code sets no URI.
 *
 * @param uri the connection string, read when the client opens (as the app starts)
 * @param database the default database; empty for the URI's, else {@code test}
 * @param serverSelectionTimeout how long a call waits for a reachable server before a {@code 503}
 * @param connectTimeout how long opening a connection may take
 * @param appLoops whether the driver's I/O runs on the app's event loops ({@code true}) or on the
 *     driver's own threads
 */
public record MongoConfig(
        Supplier<String> uri,
        Optional<String> database,
        Duration serverSelectionTimeout,
        Duration connectTimeout,
        boolean appLoops) {
    /** The environment variable read when the code sets no URI. */
    public static final String ENV = "MONGODB_URI";
    /** The URI used when neither the code nor {@code MONGODB_URI} gives one. */
    public static final String LOCAL = "mongodb://127.0.0.1:27017";

    /** Validates the values. */
    public MongoConfig {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(database, "database");
        positive("serverSelectionTimeout", serverSelectionTimeout);
        positive("connectTimeout", connectTimeout);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero())
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
    }

    /** Builds a {@link MongoConfig}; every setting has a default. */
    public static final class Builder {
        private Supplier<String> uri = () -> Mongo.environmentUri().orElse(LOCAL);
        private Optional<String> database = Optional.empty();
        private Duration serverSelectionTimeout = Duration.ofMillis(750);
        private Duration connectTimeout = Duration.ofMillis(800);
        private boolean appLoops = true;

        Builder() {}

        /** The connection string ({@code mongodb://host:port/db?...}); default {@code MONGODB_URI}, else {@value #LOCAL}. */
        public Builder uri(String uri) {
            Objects.requireNonNull(uri, "uri");
            this.uri = () -> uri;
            return this;
        }

        /** A connection string known only when the app starts (an embedded server's port). */
        public Builder uri(Supplier<String> uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** The default database; default: the URI's, else {@code test}. */
        public Builder database(String name) {
            this.database = Optional.of(name);
            return this;
        }

        /** How long a call waits for a reachable server before failing with a {@code 503}; default 750 ms, so
         * the 503 goes out within a second. */
        public Builder serverSelectionTimeout(Duration timeout) {
            this.serverSelectionTimeout = timeout;
            return this;
        }

        /** How long opening a connection may take; default 800 ms. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Whether the driver's I/O runs on the app's event loops (default) or on its own threads. */
        public Builder appLoops(boolean onAppLoops) {
            this.appLoops = onAppLoops;
            return this;
        }

        MongoConfig build() {
            return new MongoConfig(uri, database, serverSelectionTimeout, connectTimeout, appLoops);
        }
    }
}
