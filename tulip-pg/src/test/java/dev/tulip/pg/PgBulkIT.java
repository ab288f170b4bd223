package dev.tulip.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three ways to load many rows, each checked and timed ({@code -Dbulk.rows=200000} for the measurement). */
class PgBulkIT {
    private static final int ROWS = Integer.getInteger("bulk.rows", 20_000);
    private static Pg pg;

    @BeforeAll
    static void open() {
        pg = Pg.connect(cfg -> cfg.url(TestDb.freshDatabase()));
        pg.execute("create table item (id int primary key, name text, price numeric, data bytea)");
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    @BeforeEach
    void empty() {
        pg.execute("truncate item");
    }

    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++)
            rows.add(new Object[] {
                i,
                i % 10 == 0 ? null : "item \"" + i + "\", with a comma",
                new java.math.BigDecimal(i + ".25"),
                new byte[] {0, (byte) i}
            });
        return rows;
    }

    private static void report(String how, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("bulk load, %s: %,d rows in %.3f s = %,.0f rows/s%n", how, ROWS, s, ROWS / s);
    }

    private static void checkLoaded() {
        assertThat(pg.value(Long.class, "select count(*) from item")).hasValue((long) ROWS);
        Row r = pg.one("select * from item where id = 7").orElseThrow();
        assertThat(r.get("name", String.class)).isEqualTo("item \"7\", with a comma");
        assertThat((byte[]) r.value("data")).containsExactly(0, 7);
        assertThat(pg.one("select name from item where id = 10").orElseThrow().value(0))
                .isNull();
    }

    @Test
    void copyInLoadsEveryRowWithQuotesNullsAndBytes() {
        List<Object[]> rows = rows();
        long t0 = System.nanoTime();
        assertThat(pg.copyIn("item", List.of("id", "name", "price", "data"), rows))
                .isEqualTo(ROWS);
        report("COPY (pgjdbc CopyManager)", t0);
        checkLoaded();
    }

    @Test
    void batchedInsertsLoadEveryRow() {
        List<Object[]> rows = rows();
        long t0 = System.nanoTime();
        for (int i = 0; i < rows.size(); i += 1000)
            pg.executeMany(
                    "insert into item values ($1, $2, $3, $4)", rows.subList(i, Math.min(rows.size(), i + 1000)));
        report("batched INSERT (executeMany, 1000 per batch)", t0);
        checkLoaded();
    }

    @Test
    void unnestedArraysLoadEveryRow() {
        List<Object[]> rows = rows();
        long t0 = System.nanoTime();
        for (int i = 0; i < rows.size(); i += 10_000) {
            List<Object[]> part = rows.subList(i, Math.min(rows.size(), i + 10_000));
            pg.execute(
                    "insert into item select * from unnest($1::int[], $2::text[], $3::numeric[], $4::bytea[])",
                    part.stream().map(r -> (Integer) r[0]).toArray(Integer[]::new),
                    part.stream().map(r -> (String) r[1]).toArray(String[]::new),
                    part.stream().map(r -> (java.math.BigDecimal) r[2]).toArray(java.math.BigDecimal[]::new),
                    part.stream().map(r -> (byte[]) r[3]).toArray(byte[][]::new));
        }
        report("INSERT ... unnest(arrays), 10,000 per statement", t0);
        checkLoaded();
    }
}
