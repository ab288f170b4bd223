package dev.tulip.admin.internal.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tulip.admin.spi.AdminStore;
import dev.tulip.admin.spi.AdminUser;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Filter;
import dev.tulip.mongo.Mongo;
import dev.tulip.web.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The admin's own data in three collections of {@code mongo.database()}: {@code tulip_admin_users}
 * (the username as {@code _id}), {@code tulip_admin_sessions} and {@code tulip_admin_login_failures}.
 * Expired sessions are ignored and deleted when read, and a TTL index removes them (and failures
 * older than a day) on a real MongoDB. Recording a failure also drops that key's failures older
 * than the window, so a key's documents stay few.
 */
public final class MongoAdminStore implements AdminStore {
    static final String USERS = "tulip_admin_users";
    static final String SESSIONS = "tulip_admin_sessions";
    static final String FAILURES = "tulip_admin_login_failures";
    static final String SETTINGS = "tulip_admin_settings";
    private static final long FAILURES_KEPT_SECONDS = Duration.ofDays(1).toSeconds();

    private final Mongo mongo;
    private final Clock clock;
    private final MongoSessionStore sessions;

    /** The store in {@code mongo}'s default database. */
    public MongoAdminStore(Mongo mongo) {
        this(mongo, Clock.systemUTC());
    }

    MongoAdminStore(Mongo mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.sessions = new MongoSessionStore(() -> MongoBackend.collection(mongo, SESSIONS), clock);
    }

    @Override
    public void migrate() {
        // createIndex is idempotent: two processes migrating at once both succeed
        MongoBackend.collection(mongo, SESSIONS)
                .createIndex(Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        failures().createIndex(Indexes.ascending("key", "at"), new IndexOptions());
        failures()
                .createIndex(
                        Indexes.ascending("at"),
                        new IndexOptions().expireAfter(FAILURES_KEPT_SECONDS, TimeUnit.SECONDS));
    }

    @Override
    public String secret() {
        Collection<Document> settings = MongoBackend.collection(mongo, SETTINGS);
        byte[] fresh = new byte[32];
        new java.security.SecureRandom().nextBytes(fresh);
        String mine = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(fresh);
        // the first instance's secret wins; every later one reads it
        try {
            settings.bulkWrite(
                    List.of(new UpdateOneModel<>(
                            Filter.eq("_id", "secret"),
                            Updates.setOnInsert("value", mine),
                            new UpdateOptions().upsert(true))),
                    true);
        } catch (dev.tulip.mongo.DuplicateKeyException raced) {
            // another instance inserted it at the same moment: read theirs
        }
        return settings.findOne(Filter.eq("_id", "secret"))
                .map(d -> d.getString("value"))
                .orElseThrow(() -> new IllegalStateException("the admin's secret was not stored in " + SETTINGS));
    }

    @Override
    public Optional<AdminUser> user(String username) {
        return users().findOne(Filter.eq("_id", username))
                .map(d -> new AdminUser(
                        d.getString("_id"),
                        d.getString("password_hash"),
                        d.getBoolean("superuser", false),
                        new HashSet<>(d.getList("permissions", String.class, List.of())),
                        d.getBoolean("active", false)));
    }

    @Override
    public void saveUser(AdminUser user) {
        var update = Updates.combine(
                Updates.set("password_hash", user.passwordHash()),
                Updates.set("superuser", user.superuser()),
                Updates.set("permissions", user.permissions().stream().sorted().toList()),
                Updates.set("active", user.active()),
                Updates.setOnInsert("created_at", Date.from(clock.instant())));
        users().bulkWrite(
                        List.of(new UpdateOneModel<>(
                                Filter.eq("_id", user.username()), update, new UpdateOptions().upsert(true))),
                        true);
    }

    @Override
    public boolean hasUsers() {
        return users().find().projection(Projections.include("_id")).first().isPresent();
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public int recordFailure(String key, Duration window) {
        Instant now = clock.instant();
        failures().insertOne(new Document("key", key).append("at", Date.from(now)));
        failures().deleteMany(Filter.and(Filter.eq("key", key), Filter.lt("at", Date.from(now.minus(window)))));
        return failures(key, window);
    }

    @Override
    public int failures(String key, Duration window) {
        Date since = Date.from(clock.instant().minus(window));
        return (int) failures().count(Filter.and(Filter.eq("key", key), Filter.gte("at", since)));
    }

    @Override
    public void clearFailures(String key) {
        failures().deleteMany(Filter.eq("key", key));
    }

    private Collection<Document> users() {
        return MongoBackend.collection(mongo, USERS);
    }

    private Collection<Document> failures() {
        return MongoBackend.collection(mongo, FAILURES);
    }
}
