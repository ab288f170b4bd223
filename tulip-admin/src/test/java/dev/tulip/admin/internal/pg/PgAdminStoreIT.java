package dev.tulip.admin.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.admin.spi.AdminUser;
import dev.tulip.pg.Pg;
import dev.tulip.web.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin's users, sessions and login failures in PostgreSQL. */
class PgAdminStoreIT {
    private static Pg pg;
    private static PgAdminStore store;

    @BeforeAll
    static void start() {
        pg = TestDb.freshPg();
        store = new PgAdminStore(pg);
        store.migrate();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void migratingTwiceChangesNothing() {
        store.migrate();
        store.migrate();
        assertThat(pg.value(Long.class, "select count(*) from pg_tables where tablename like 'tulip_admin_%'"))
                .contains(4L); // users, sessions, login failures, settings
    }

    @Test
    void twoStoresMigratingTogetherOnAFreshDatabaseBothSucceed() throws Exception {
        try (Pg a = TestDb.freshPg()) {
            String url = a.config().url().get().orElseThrow();
            try (Pg b = Pg.connect(cfg -> cfg.url(url))) {
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Void>> runs = List.of(a, b, a, b).stream()
                        .map(p -> CompletableFuture.runAsync(() -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            new PgAdminStore(p).migrate();
                        }))
                        .toList();
                go.countDown();
                for (CompletableFuture<Void> r : runs) r.get();
                assertThat(new PgAdminStore(b).hasUsers()).isFalse();
            }
        }
    }

    @Test
    void usersAreSavedReplacedAndFound() {
        AdminUser ann =
                new AdminUser("ann", "$argon2id$v=19$m=1$x$y", false, Set.of("person:view", "team:change"), true);
        store.saveUser(ann);
        assertThat(store.hasUsers()).isTrue();
        assertThat(store.user("ann")).contains(ann);
        AdminUser changed = new AdminUser("ann", "$argon2id$v=19$m=1$x$z", true, Set.of(), false);
        store.saveUser(changed);
        assertThat(store.user("ann")).contains(changed);
        assertThat(store.user("nobody")).isEmpty();
    }

    @Test
    void sessionsAreSavedLoadedReplacedAndDeleted() {
        SessionStore s = store.sessions();
        s.save("s1", Map.of("user", "ann", "csrf", "t\"ok"), Duration.ofMinutes(5));
        assertThat(s.load("s1")).contains(Map.of("user", "ann", "csrf", "t\"ok"));
        s.save("s1", Map.of("user", "bob"), Duration.ofMinutes(5));
        assertThat(s.load("s1")).contains(Map.of("user", "bob"));
        s.delete("s1");
        assertThat(s.load("s1")).isEmpty();
        assertThat(s.load("never")).isEmpty();
    }

    @Test
    void anExpiredSessionLoadsAsNoneAndIsDeleted() throws Exception {
        SessionStore s = store.sessions();
        s.save("short", Map.of("user", "ann"), Duration.ofMillis(50));
        assertThat(s.load("short")).isPresent();
        Thread.sleep(100);
        assertThat(s.load("short")).isEmpty();
        assertThat(pg.value(Long.class, "select count(*) from tulip_admin_sessions where id = 'short'"))
                .contains(0L);
    }

    @Test
    void failuresAreCountedWithinTheirWindowAndCleared() throws Exception {
        Duration hour = Duration.ofHours(1);
        assertThat(store.recordFailure("ann", hour)).isEqualTo(1);
        assertThat(store.recordFailure("ann", hour)).isEqualTo(2);
        assertThat(store.recordFailure("10.0.0.1", hour)).isEqualTo(1);
        assertThat(store.failures("ann", hour)).isEqualTo(2);
        Thread.sleep(60);
        assertThat(store.failures("ann", Duration.ofMillis(50))).isZero();
        assertThat(store.recordFailure("ann", Duration.ofMillis(50))).isEqualTo(1);
        store.clearFailures("ann");
        assertThat(store.failures("ann", hour)).isZero();
        assertThat(store.failures("10.0.0.1", hour)).isEqualTo(1);
    }
}
