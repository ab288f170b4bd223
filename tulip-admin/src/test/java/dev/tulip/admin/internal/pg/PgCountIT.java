package dev.tulip.admin.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Count;
import dev.tulip.admin.spi.Model;
import dev.tulip.pg.Pg;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Counts of an analysed 50,000-row table: the estimate above the threshold, exact below it or when asked. */
class PgCountIT {
    private static Pg pg;
    private static PgBackend backend;
    private static Model big;

    @BeforeAll
    static void start() {
        pg = TestDb.freshPg();
        pg.execute("create table big (id int primary key, kind int not null, note text)");
        pg.execute("insert into big select i, i % 100, 'note ' || i from generate_series(1, 50000) i");
        pg.execute("analyze big");
        backend = new PgBackend(pg, "public");
        big = backend.models().getFirst();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void anUnfilteredCountOfABigTableIsTheEstimate() {
        Count c = backend.count(big, List.of(), Optional.empty(), List.of(), false);
        assertThat(c.exact()).isFalse();
        assertThat(c.value()).isBetween(45_000L, 55_000L);
    }

    @Test
    void anExactCountIsExactWhenAsked() {
        assertThat(backend.count(big, List.of(), Optional.empty(), List.of(), true))
                .isEqualTo(Count.exact(50_000));
        assertThat(backend.count(
                        big, List.of(new Condition("kind", Condition.Op.LT, 50L)), Optional.empty(), List.of(), true))
                .isEqualTo(Count.exact(25_000));
    }

    @Test
    void aFilteredCountUsesThePlansEstimateAboveTheThreshold() {
        Count c = backend.count(
                big, List.of(new Condition("kind", Condition.Op.LT, 50L)), Optional.empty(), List.of(), false);
        assertThat(c.exact()).isFalse();
        assertThat(c.value()).isBetween(20_000L, 30_000L);
    }

    @Test
    void aSmallEstimateIsCountedExactly() {
        assertThat(backend.count(
                        big, List.of(new Condition("kind", Condition.Op.EQ, 7L)), Optional.empty(), List.of(), false))
                .isEqualTo(Count.exact(500));
        assertThat(backend.count(big, List.of(), Optional.of("note 4999"), List.of("note"), false))
                .isEqualTo(Count.exact(11)); // 4999 and 49990-49999
    }

    @Test
    void anExactCountThatTimesOutFallsBackToTheEstimate() {
        PgBackend impatient = new PgBackend(pg, "public", (s, p) -> {}, 10_000, Duration.ofMillis(1));
        impatient.models();
        Count c = impatient.count(
                big,
                List.of(new Condition("note", Condition.Op.CONTAINS, "9")),
                Optional.of("e"),
                List.of("note"),
                true);
        assertThat(c.exact()).isFalse();
        assertThat(c.value()).isPositive();
    }
}
