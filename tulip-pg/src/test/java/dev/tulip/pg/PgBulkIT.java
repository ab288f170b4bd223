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

    @Test
    void copyInKeepsEveryValueThatTheTextFormatMustEscape() {
        pg.execute("create table tricky (id int, t text, tags text[], nums int[], doc jsonb, b bytea,"
                + " at timestamptz, span interval, n numeric)");
        var doc = tools.jackson.databind.json.JsonMapper.builder().build().readTree("{\"k\": \"a\\tb\\\\c\\nd\"}");
        String text = "tab\there, newline\nthere, cr\rthere, backslash \\N and \\., unicode é🌷";
        List<Object[]> rows = List.of(
                new Object[] {
                    1,
                    text,
                    new String[] {"a,b", "q\"uote", null, "back\\slash", "tab\t", ""},
                    new Integer[] {1, null, -3},
                    doc,
                    new byte[] {0, 9, 10, 92, (byte) 255},
                    java.time.OffsetDateTime.MAX,
                    new Interval(14, -3, 1_500_000),
                    Double.NaN
                },
                new Object[] {2, null, new String[0], null, null, null, null, null, null});
        assertThat(pg.copyIn("tricky", List.of("id", "t", "tags", "nums", "doc", "b", "at", "span", "n"), rows))
                .isEqualTo(2);
        Row r = pg.one("select * from tricky where id = 1").orElseThrow();
        assertThat(r.get("t", String.class)).isEqualTo(text);
        assertThat((Object[]) r.value("tags")).containsExactly("a,b", "q\"uote", null, "back\\slash", "tab\t", "");
        assertThat((Object[]) r.value("nums")).containsExactly(1, null, -3);
        assertThat(r.value("doc")).isEqualTo(doc);
        assertThat((byte[]) r.value("b")).containsExactly(0, 9, 10, 92, 255);
        assertThat(r.value("at")).isEqualTo(java.time.OffsetDateTime.MAX);
        assertThat(r.value("span")).isEqualTo(new Interval(14, -3, 1_500_000));
        assertThat(r.value("n")).isEqualTo(Double.NaN);
        Row empty = pg.one("select * from tricky where id = 2").orElseThrow();
        assertThat((Object[]) empty.value("tags")).isEmpty();
        assertThat(empty.value("t")).isNull();
        assertThat(empty.value("doc")).isNull();
    }
}
