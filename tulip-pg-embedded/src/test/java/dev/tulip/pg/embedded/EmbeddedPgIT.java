package dev.tulip.pg.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPgIT {

    @Test
    void aTemporaryServerAnswersQueries() throws SQLException {
        try (EmbeddedPg pg = EmbeddedPg.startTemporary()) {
            assertThat(pg.url()).isEqualTo("postgres://postgres@127.0.0.1:" + pg.port() + "/postgres");
            assertThat(queryOne(pg, "select current_setting('fsync')")).isEqualTo("off");
        }
    }

    @Test
    void aKeptDirectoryKeepsItsDataAcrossARestartOnTheSamePort(@TempDir Path dir) throws SQLException {
        try (EmbeddedPg pg = EmbeddedPg.start(dir.resolve("pg"))) {
            execute(pg, "create table kept (v text); insert into kept values ('still here')");
            int port = pg.port();
            pg.stop();
            assertThat(pg.running()).isFalse();
            pg.restart();
            assertThat(pg.port()).isEqualTo(port);
            assertThat(queryOne(pg, "select v from kept")).isEqualTo("still here");
        }
    }

    @Test
    void aSecondServerOnATakenDirectoryIsRefusedWithAMessageSayingSo(@TempDir Path dir) {
        try (EmbeddedPg first = EmbeddedPg.start(dir)) {
            assertThatThrownBy(() -> EmbeddedPg.start(dir))
                    .isInstanceOf(EmbeddedPgException.class)
                    .hasMessageContaining("is in use by another running server")
                    .hasMessageContaining("DATABASE_URL");
            assertThat(first.running()).isTrue();
        }
    }

    private static String queryOne(EmbeddedPg pg, String sql) throws SQLException {
        try (var c = DriverManager.getConnection(pg.jdbcUrl());
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedPg pg, String sql) throws SQLException {
        try (var c = DriverManager.getConnection(pg.jdbcUrl())) {
            c.createStatement().execute(sql);
        }
    }
}
