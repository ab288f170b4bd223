package dev.tulip.admin;

import dev.tulip.admin.spi.AdminStore;
import dev.tulip.admin.spi.Backend;
import dev.tulip.admin.spi.Relation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The admin's configuration, built by {@link Admin#create}. */
public final class AdminConfig {
    final String path;
    final String title;
    final List<Source> sources;
    final Optional<Supplier<AdminStore>> store;
    final Map<String, ModelOptions> models;
    final Optional<Set<String>> only;
    final int pageSize;
    final int maxPageSize;
    final Duration sessionMaxAge;
    final int maxFailuresPerAccount;
    final int maxFailuresPerAddress;
    final Duration failureWindow;
    final Optional<String> initialUser;
    final Optional<String> initialPassword;

    /** One database the admin covers: a backend, made when the app starts. */
    record Source(String name, Supplier<Backend> backend, Optional<Supplier<AdminStore>> store) {}

    private AdminConfig(Builder b) {
        this.path = b.path;
        this.title = b.title;
        this.sources = List.copyOf(b.sources);
        this.store = b.store;
        this.models = Map.copyOf(b.models);
        this.only = b.only;
        this.pageSize = b.pageSize;
        this.maxPageSize = b.maxPageSize;
        this.sessionMaxAge = b.sessionMaxAge;
        this.maxFailuresPerAccount = b.maxFailuresPerAccount;
        this.maxFailuresPerAddress = b.maxFailuresPerAddress;
        this.failureWindow = b.failureWindow;
        this.initialUser = b.initialUser;
        this.initialPassword = b.initialPassword;
    }

    /** The path the admin is served under ({@code /admin}). */
    public String path() {
        return path;
    }

    static AdminConfig build(Consumer<Builder> configure) {
        Builder b = new Builder();
        configure.accept(b);
        if (b.sources.isEmpty())
            throw new IllegalArgumentException(
                    "the admin covers no database: give it one, cfg.pg(pg) or cfg.mongo(mongo)");
        return new AdminConfig(b);
    }

    /** Configures the admin. */
    public static final class Builder {
        private String path = "/admin";
        private String title = "Tulip admin";
        private final List<Source> sources = new ArrayList<>();
        private Optional<Supplier<AdminStore>> store = Optional.empty();
        private final Map<String, ModelOptions> models = new LinkedHashMap<>();
        private Optional<Set<String>> only = Optional.empty();
        private int pageSize = 50;
        private int maxPageSize = 200;
        private Duration sessionMaxAge = Duration.ofHours(12);
        private int maxFailuresPerAccount = 5;
        private int maxFailuresPerAddress = 30;
        private Duration failureWindow = Duration.ofMinutes(15);
        private Optional<String> initialUser = Optional.empty();
        private Optional<String> initialPassword = Optional.empty();
        private final List<Relation> mongoRelations = new ArrayList<>();

        private Builder() {}

        /** The path to serve the admin under; {@code /admin} by default. */
        public Builder path(String path) {
            if (!path.matches("(/[A-Za-z0-9._~-]+)+"))
                throw new IllegalArgumentException(
                        "admin path " + path + ": give a path like /admin, without a trailing /");
            this.path = path;
            return this;
        }

        /** The name at the top of every page. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Covers every table of schema {@code public} of {@code pg}. */
        public Builder pg(dev.tulip.pg.Pg pg) {
            return pg(pg, "public");
        }

        /** Covers every table of {@code schema} of {@code pg}. */
        public Builder pg(dev.tulip.pg.Pg pg, String schema) {
            sources.add(new Source(
                    "pg",
                    () -> new dev.tulip.admin.internal.pg.PgBackend(pg, schema),
                    Optional.of(() -> new dev.tulip.admin.internal.pg.PgAdminStore(pg))));
            return this;
        }

        /** Covers every collection of {@code mongo}'s database. */
        public Builder mongo(dev.tulip.mongo.Mongo mongo) {
            List<Relation> relations = mongoRelations;
            sources.add(new Source(
                    "mongo",
                    () -> new dev.tulip.admin.internal.mongo.MongoBackend(mongo, List.copyOf(relations)),
                    Optional.of(() -> new dev.tulip.admin.internal.mongo.MongoAdminStore(mongo))));
            return this;
        }

        /**
         * Declares that field {@code field} of MongoDB collection {@code collection} holds ids of
         * collection {@code target} (MongoDB has no foreign keys to find): the admin links them and
         * offers their records as choices.
         */
        public Builder mongoReference(String collection, String field, String target) {
            mongoRelations.add(new Relation(
                    collection + "_" + field + "_ref", collection, List.of(field), target, List.of("_id")));
            return this;
        }

        /** Covers another database through the admin's SPI. */
        public Builder backend(String name, Backend backend) {
            sources.add(new Source(name, () -> backend, Optional.empty()));
            return this;
        }

        /**
         * Where the admin's users, sessions and login failures live; by default in the first
         * PostgreSQL given, else the first MongoDB.
         */
        public Builder store(AdminStore store) {
            this.store = Optional.of(() -> store);
            return this;
        }

        /** Shapes model {@code name} (a table or collection name). */
        public Builder model(String name, Consumer<ModelOptions> options) {
            options.accept(models.computeIfAbsent(name, n -> new ModelOptions()));
            return this;
        }

        /** Covers only these models, instead of every table and collection. */
        public Builder only(String... names) {
            this.only = Optional.of(Set.of(names));
            return this;
        }

        /** Records per list page by default (50), and the most a request may ask for (200). */
        public Builder pageSize(int pageSize, int max) {
            if (pageSize < 1 || max < pageSize) throw new IllegalArgumentException("need 1 <= pageSize <= max");
            this.pageSize = pageSize;
            this.maxPageSize = max;
            return this;
        }

        /** How long a login lasts without use; 12 hours by default. */
        public Builder sessionMaxAge(Duration maxAge) {
            this.sessionMaxAge = maxAge;
            return this;
        }

        /**
         * Failed logins allowed per account and per client address within {@code window} before
         * further tries are answered 429 (5 and 30 in 15 minutes by default).
         */
        public Builder loginThrottle(int perAccount, int perAddress, Duration window) {
            this.maxFailuresPerAccount = perAccount;
            this.maxFailuresPerAddress = perAddress;
            this.failureWindow = window;
            return this;
        }

        /**
         * On a start with no admin user yet, creates superuser {@code username}; its password is
         * {@code password} if given, else random and logged once.
         */
        public Builder initialUser(String username, Optional<String> password) {
            this.initialUser = Optional.of(username);
            this.initialPassword = password;
            return this;
        }
    }
}
