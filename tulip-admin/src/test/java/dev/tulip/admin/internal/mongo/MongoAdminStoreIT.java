package dev.tulip.admin.internal.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.admin.spi.AdminUser;
import dev.tulip.admin.spi.Model;
import dev.tulip.mongo.Filter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MongoAdminStoreIT {
    private static EmbeddedDb db;
    private final MutableClock clock = new MutableClock();
    private MongoAdminStore store;

    @BeforeAll
    static void start() {
        db = EmbeddedDb.start("store");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @AfterEach
    void drop() {
        db.dropAll();
    }

    private MongoAdminStore store() {
        if (store == null) {
            store = new MongoAdminStore(db.mongo, clock);
            store.migrate();
        }
        return store;
    }

    @Test
    void migrateTwiceAndTwoAtOnceIsFine() throws Exception {
        store().migrate();
        Thread[] racers = new Thread[2];
        Throwable[] failed = new Throwable[2];
        for (int i = 0; i < 2; i++) {
            int n = i;
            racers[i] = Thread.ofVirtual().start(() -> {
                try {
                    new MongoAdminStore(db.mongo).migrate();
                } catch (Throwable t) {
                    failed[n] = t;
                }
            });
        }
        for (Thread t : racers) t.join();
        assertThat(failed).containsOnlyNulls();
        assertThat(db.collection(MongoAdminStore.FAILURES).indexes())
                .extracting(i -> i.path("name").asString())
                .contains("key_1_at_1");
    }

    @Test
    void aSavedUserReadsBackAndIsReplacedByUsername() {
        assertThat(store().hasUsers()).isFalse();
        AdminUser ada = new AdminUser("ada", "$argon2id$v=19$m=1$x$y", false, Set.of("tasks:view", "tasks:add"), true);
        store().saveUser(ada);
        assertThat(store().hasUsers()).isTrue();
        assertThat(store().user("ada")).contains(ada);
        Object created = db.collection(MongoAdminStore.USERS)
                .find()
                .first()
                .orElseThrow()
                .get("created_at");
        AdminUser changed = new AdminUser("ada", "$argon2id$v=19$m=1$x$z", true, Set.of(), false);
        store().saveUser(changed);
        assertThat(store().user("ada")).contains(changed);
        assertThat(db.collection(MongoAdminStore.USERS).find().list(10))
                .singleElement()
                .satisfies(d -> assertThat(d.get("created_at")).isEqualTo(created));
        assertThat(store().user("bob")).isEmpty();
    }

    @Test
    void aSessionLoadsUntilItExpiresAndIsThenDeleted() {
        var sessions = store().sessions();
        Map<String, String> values = Map.of("user", "ada", "$odd.key", "kept");
        sessions.save("s1", values, Duration.ofMinutes(30));
        assertThat(sessions.load("s1")).contains(values);
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.load("s1")).isEmpty();
        assertThat(db.collection(MongoAdminStore.SESSIONS).count(Filter.all())).isZero();
    }

    @Test
    void aSavedSessionReplacesTheOldValuesAndADeletedOneIsGone() {
        var sessions = store().sessions();
        sessions.save("s1", Map.of("a", "1"), Duration.ofMinutes(30));
        sessions.save("s1", Map.of("b", "2"), Duration.ofMinutes(30));
        assertThat(sessions.load("s1")).contains(Map.of("b", "2"));
        sessions.delete("s1");
        assertThat(sessions.load("s1")).isEmpty();
        assertThat(sessions.load("never")).isEmpty();
    }

    @Test
    void failuresAreCountedWithinTheWindowAndCleared() {
        Duration window = Duration.ofMinutes(15);
        assertThat(store().recordFailure("ada", window)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        assertThat(store().recordFailure("ada", window)).isEqualTo(2);
        assertThat(store().recordFailure("10.0.0.1", window)).isEqualTo(1);
        clock.advance(Duration.ofMinutes(6));
        assertThat(store().failures("ada", window)).isEqualTo(1);
        store().clearFailures("ada");
        assertThat(store().failures("ada", window)).isZero();
        assertThat(store().failures("10.0.0.1", window)).isEqualTo(1);
    }

    @Test
    void theStoresCollectionsAreNotModels() {
        store().saveUser(new AdminUser("ada", "h", true, Set.of(), true));
        store().sessions().save("s", Map.of(), Duration.ofMinutes(1));
        store().recordFailure("k", Duration.ofMinutes(1));
        db.collection("tasks").insertOne(new Document("a", 1));
        assertThat(new MongoBackend(db.mongo, List.of()).models())
                .extracting(Model::name)
                .containsExactly("tasks");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
