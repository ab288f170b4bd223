package dev.tulip.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PgMigrationsIT {

    @Test
    void migrationsApplyInOrderOnceEach() {
        try (Pg pg = Pg.connect(cfg -> cfg.url(TestDb.freshDatabase()))) {
            assertThat(pg.migrate("db/two")).containsExactly("001_first.sql", "002_second.sql");
            assertThat(pg.migrate("db/two")).isEmpty();
            assertThat(pg.value(Long.class, "select count(*) from first_table")).hasValue(1L);
            assertThat(pg.rows("select name from tulip_migrations order by version"))
                    .extracting(r -> r.get("name", String.class))
                    .containsExactly("001_first.sql", "002_second.sql");
        }
    }

    @Test
    void anAppliedMigrationWhoseTextChangedIsRefused() {
        try (Pg pg = Pg.connect(cfg -> cfg.url(TestDb.freshDatabase()))) {
            pg.migrate("db/two");
            pg.execute("update tulip_migrations set checksum = 'edited' where version = 1");
            assertThatThrownBy(() -> pg.migrate("db/two"))
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("001_first.sql was edited after it was applied");
        }
    }

    @Test
    void aFailingMigrationIsRolledBackAndNotRecorded() {
        try (Pg pg = Pg.connect(cfg -> cfg.url(TestDb.freshDatabase()))) {
            pg.execute("create table second_table (x int)"); // 002 will collide with it
            assertThatThrownBy(() -> pg.migrate("db/two"))
                    .isInstanceOf(PgMigrationException.class)
                    .hasMessageContaining("002_second.sql failed");
            assertThat(pg.rows("select version from tulip_migrations")).hasSize(1);
        }
    }

    @Test
    void twoPoolsMigratingAtOnceApplyEachMigrationOnce() throws Exception {
        // two pools, two sessions: the advisory lock works across processes the same way
        String url = TestDb.freshDatabase();
        try (Pg a = Pg.connect(cfg -> cfg.url(url));
                Pg b = Pg.connect(cfg -> cfg.url(url));
                var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (Pg pg : List.of(a, b)) runs.add(exec.submit((Callable<List<String>>) () -> pg.migrate("db/race")));
            List<String> applied = new ArrayList<>();
            for (var r : runs) applied.addAll(r.get());
            assertThat(applied).containsExactly("001_slow.sql");
        }
    }

    @Test
    void migrationsConfiguredOnAnInstalledPgRunWhenTheAppStarts() {
        Pg pg = Pg.create(cfg -> cfg.url(TestDb.freshDatabase()).migrations("db/two"));
        var app = dev.tulip.Tulip.create(cfg -> cfg.port(0));
        app.install(pg);
        app.start();
        try {
            assertThat(pg.value(Long.class, "select count(*) from tulip_migrations"))
                    .hasValue(2L);
        } finally {
            app.stop();
        }
    }
}
