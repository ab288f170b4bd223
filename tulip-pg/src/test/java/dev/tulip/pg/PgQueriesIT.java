package dev.tulip.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Tulip;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;

class PgQueriesIT {
    record Person(int id, String fullName, Optional<String> nickname, OffsetDateTime createdAt) {}

    private static Pg pg;

    @BeforeAll
    static void open() {
        pg = Pg.connect(cfg -> cfg.url(TestDb.freshDatabase()));
        pg.execute("create table person (id int primary key, full_name text not null, nickname text,"
                + " created_at timestamptz not null default now())");
        pg.executeMany(
                "insert into person (id, full_name, nickname) values ($1, $2, $3)",
                List.of(new Object[] {1, "Ada Lovelace", "ada"}, new Object[] {2, "Linus Torvalds", null}));
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    @Test
    void rowsAreReadByColumnName() {
        List<Row> rows = pg.rows("select id, full_name from person order by id");
        assertThat(rows)
                .extracting(r -> r.get("full_name", String.class))
                .containsExactly("Ada Lovelace", "Linus Torvalds");
        assertThat(rows.getFirst().get("id", Long.class)).isEqualTo(1L);
    }

    @Test
    void rowsBecomeRecordsBySnakeCaseColumnNames() {
        List<Person> people = pg.rows(Person.class, "select * from person order by id");
        assertThat(people).extracting(Person::fullName).containsExactly("Ada Lovelace", "Linus Torvalds");
        assertThat(people).extracting(Person::nickname).containsExactly(Optional.of("ada"), Optional.empty());
        assertThat(people.getFirst().createdAt()).isNotNull();
    }

    @Test
    void oneIsEmptyWhenThereIsNoRow() {
        assertThat(pg.one(Person.class, "select * from person where id = $1", 1))
                .map(Person::fullName)
                .hasValue("Ada Lovelace");
        assertThat(pg.one("select * from person where id = $1", 99)).isEmpty();
    }

    @Test
    void valueIsTheFirstColumnOfTheFirstRow() {
        assertThat(pg.value(Long.class, "select count(*) from person")).hasValue(2L);
        assertThat(pg.value(String.class, "select nickname from person where id = 2"))
                .isEmpty();
    }

    @Test
    void executeReturnsTheAffectedCount() {
        assertThat(pg.execute("update person set nickname = nickname where id > $1", 0))
                .isEqualTo(2);
    }

    @Test
    void executeManyRunsEachParameterSetAllOrNothing() {
        assertThat(pg.executeMany(
                        "insert into person (id, full_name) values ($1, $2)",
                        List.of(new Object[] {10, "a"}, new Object[] {11, "b"})))
                .isEqualTo(2);
        assertThatThrownBy(() -> pg.executeMany(
                        "insert into person (id, full_name) values ($1, $2)",
                        List.of(new Object[] {12, "c"}, new Object[] {10, "dup"})))
                .isInstanceOf(PgException.class);
        assertThat(pg.value(Long.class, "select count(*) from person where id >= 10"))
                .hasValue(2L);
        pg.execute("delete from person where id >= 10");
    }

    @Test
    void jsonGivesObjectsKeyedByColumn() {
        ArrayNode arr = pg.json("select id, full_name, nickname from person order by id");
        assertThat(arr.toString())
                .isEqualTo("[{\"id\":1,\"full_name\":\"Ada Lovelace\",\"nickname\":\"ada\"},"
                        + "{\"id\":2,\"full_name\":\"Linus Torvalds\",\"nickname\":null}]");
    }

    @Test
    void queriesIssuedTogetherAreAwaitedTogether() {
        List<CompletableFuture<Optional<String>>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++)
            all.add(pg.async()
                    .value(String.class, "select full_name from person where id = $1", 1 + i % 2)
                    .toCompletableFuture());
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        assertThat(all).allSatisfy(f -> assertThat(f.join()).isPresent());
    }

    @Test
    void togetherIssuesItsQueriesOnTheLoopAndWaitsForTheResult() {
        String names = pg.together(db -> db.value(String.class, "select full_name from person where id = 1")
                .thenCombine(
                        db.value(String.class, "select full_name from person where id = 2"),
                        (a, b) -> a.orElseThrow() + " & " + b.orElseThrow()));
        assertThat(names).isEqualTo("Ada Lovelace & Linus Torvalds");
    }

    @Test
    void anInstalledPgOpensWithTheAppAndClosesAfterItStops() {
        Pg installed = Pg.create(cfg -> cfg.url(TestDb.freshDatabase()));
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.install(installed);
        assertThatThrownBy(() -> installed.value(Integer.class, "select 1")).hasMessageContaining("not open");
        app.start();
        try {
            assertThat(installed.value(Integer.class, "select 1")).hasValue(1);
        } finally {
            app.stop();
        }
        assertThatThrownBy(() -> installed.value(Integer.class, "select 1")).hasMessageContaining("not open");
    }

    @Test
    void theUrlsPasswordNeverAppearsInErrors() {
        assertThatThrownBy(() -> Pg.connect(cfg -> cfg.url("postgres://bob:s3cret@127.0.0.1:1/x?sslmode=wrong")))
                .hasMessageNotContaining("s3cret");
    }
}
