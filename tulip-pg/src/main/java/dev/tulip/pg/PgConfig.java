package dev.tulip.pg;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a {@link Pg} connects: built by {@code Pg.create(cfg -> cfg.url(...).poolSize(16))}. With no
 * url in code, {@code DATABASE_URL} is read when the app starts. Every duration must be positive.
 *
 * @param url where the server is, read when the pool opens ({@code postgres://user:pass@host:port/db?sslmode=require})
 * @param poolSize connections for queries (pipelined, shared out over the event loops), and as many more for
 *     transactions, opened as needed
 * @param waitQueue requests that may wait for a connection; more fail at once with {@link PgUnavailableException}
 * @param connectTimeout the longest wait for a new connection (TCP and start-up)
 * @param acquireTimeout the longest wait for a free connection before a {@link PgUnavailableException}
 * @param idleTimeout an idle connection is closed after this
 * @param maxLifetime a connection is replaced after this
 * @param statementTimeout the server cancels a statement running longer (PostgreSQL's {@code statement_timeout})
 * @param pipeliningLimit queries in flight on one connection
 * @param statementCacheSize prepared statements kept per connection
 * @param applicationName shown in {@code pg_stat_activity}
 * @param migrations a classpath directory of {@code NNN_name.sql} files applied at start, if any
 * @param mapErrors whether the app gets exception handlers mapping database errors to statuses
 * @param loops where the client's I/O runs
 */
public record PgConfig(
        Supplier<Optional<String>> url,
        int poolSize,
        int waitQueue,
        Duration connectTimeout,
        Duration acquireTimeout,
        Duration idleTimeout,
        Duration maxLifetime,
        Duration statementTimeout,
        int pipeliningLimit,
        int statementCacheSize,
        String applicationName,
        Optional<String> migrations,
        boolean mapErrors,
        LoopMode loops) {

    /** Where the client's I/O runs. */
    public enum LoopMode {
        /** On the app's event loops, one Vert.x context per loop: no thread hop per query (the default). */
        SHARED,
        /** On Vert.x's own event loops, beside the app's: a hop per query; for measurements and odd transports. */
        SEPARATE
    }

    /** Validates the values. */
    public PgConfig {
        Objects.requireNonNull(url, "url");
        positive("poolSize", poolSize);
        positive("waitQueue", waitQueue);
        positive("pipeliningLimit", pipeliningLimit);
        positive("statementCacheSize", statementCacheSize);
        for (Duration d : new Duration[] {connectTimeout, acquireTimeout, idleTimeout, maxLifetime, statementTimeout}) {
            if (d == null || d.isNegative() || d.isZero())
                throw new IllegalArgumentException("Pg durations must be positive, got " + d);
        }
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(loops, "loops");
    }

    private static void positive(String name, int n) {
        if (n <= 0) throw new IllegalArgumentException("Pg " + name + " must be positive, got " + n);
    }

    /** The defaults: {@code DATABASE_URL}, 8 connections, 256 waiting, fast failures. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PgConfig}. */
    public static final class Builder {
        private Supplier<Optional<String>> url =
                () -> Optional.ofNullable(System.getenv("DATABASE_URL")).filter(s -> !s.isBlank());
        private int poolSize = 8;
        private int waitQueue = 256;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration acquireTimeout = Duration.ofSeconds(5);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Duration maxLifetime = Duration.ofMinutes(30);
        private Duration statementTimeout = Duration.ofSeconds(30);
        private int pipeliningLimit = 256;
        private int statementCacheSize = 256;
        private String applicationName = "tulip";
        private Optional<String> migrations = Optional.empty();
        private boolean mapErrors = true;
        private LoopMode loops = LoopMode.SHARED;

        Builder() {}

        /** The server's url, instead of {@code DATABASE_URL}. */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            this.url = () -> Optional.of(url);
            return this;
        }

        /** The server's url, asked for when the app starts (e.g. from a server an earlier resource started). */
        public Builder url(Supplier<String> url) {
            Objects.requireNonNull(url, "url");
            this.url = () -> Optional.ofNullable(url.get());
            return this;
        }

        public Builder poolSize(int n) {
            this.poolSize = n;
            return this;
        }

        public Builder waitQueue(int n) {
            this.waitQueue = n;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder acquireTimeout(Duration d) {
            this.acquireTimeout = d;
            return this;
        }

        public Builder idleTimeout(Duration d) {
            this.idleTimeout = d;
            return this;
        }

        public Builder maxLifetime(Duration d) {
            this.maxLifetime = d;
            return this;
        }

        public Builder statementTimeout(Duration d) {
            this.statementTimeout = d;
            return this;
        }

        public Builder pipeliningLimit(int n) {
            this.pipeliningLimit = n;
            return this;
        }

        public Builder statementCacheSize(int n) {
            this.statementCacheSize = n;
            return this;
        }

        public Builder applicationName(String name) {
            this.applicationName = name;
            return this;
        }

        /** Applies the {@code NNN_name.sql} files of this classpath directory at start (see {@link Pg#migrate}). */
        public Builder migrations(String classpathDirectory) {
            this.migrations = Optional.of(classpathDirectory);
            return this;
        }

        /** {@code false} leaves database errors to the app's own exception handlers (default: mapped, see {@link Pg}). */
        public Builder mapErrors(boolean on) {
            this.mapErrors = on;
            return this;
        }

        public Builder loops(LoopMode mode) {
            this.loops = mode;
            return this;
        }

        public PgConfig build() {
            return new PgConfig(
                    url,
                    poolSize,
                    waitQueue,
                    connectTimeout,
                    acquireTimeout,
                    idleTimeout,
                    maxLifetime,
                    statementTimeout,
                    pipeliningLimit,
                    statementCacheSize,
                    applicationName,
                    migrations,
                    mapErrors,
                    loops);
        }
    }
}
