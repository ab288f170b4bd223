package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Sort;
import dev.tulip.pg.Pg;
import dev.tulip.pg.embedded.EmbeddedPg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Times the backend's reads of a 1,000,000-row table on an embedded PostgreSQL: the median over
 * runs (after a warm-up of 3 s or 500 calls) of the server's time for the statement ({@code EXPLAIN (ANALYZE)}: planning plus
 * execution, with the same text and parameters the backend sent) and of the call as the caller
 * sees it. Run by {@code tulip-admin/bench/pg-list.sh}; not a test.
 */
public final class PgListBench {
    private static final int ROWS = 1_000_000;
    private static final int RUNS = Integer.getInteger("runs", 31);

    private record Sent(String sql, Object[] params) {}

    public static void main(String[] args) {
        try (EmbeddedPg server = EmbeddedPg.startTemporary();
                Pg pg = Pg.connect(cfg -> cfg.url(server.url()).poolSize(2))) {
            load(pg);
            List<Sent> sent = new ArrayList<>();
            PgBackend backend = new PgBackend(
                    pg,
                    "public",
                    (sql, params) -> sent.add(new Sent(sql, params)),
                    PgBackend.EXACT_BELOW,
                    Duration.ofSeconds(2));
            Model item = backend.models().stream()
                    .filter(m -> m.name().equals("item"))
                    .findFirst()
                    .orElseThrow();
            PgTable table = backend.tableOf(item);
            List<String> fields = List.of("owner_id", "rank", "weight", "name");
            String deep = PageCursor.encode(Optional.empty(), false, null, List.of("900000"));
            String deepRank = PageCursor.encode(Optional.of(table.column("rank")), false, 900L, List.of("900000"));
            long warm = System.nanoTime() + 5_000_000_000L; // the JIT first: 5 s of cheap reads
            while (System.nanoTime() < warm) {
                backend.list(item, page(List.of(), Optional.empty(), Optional.empty(), fields));
                backend.find(item, Id.of("654321"));
            }
            System.out.printf("%-44s %12s %12s %8s%n", "read (50 rows a page)", "server ms", "call ms", "keyset");
            run(
                    pg,
                    sent,
                    "list, first page",
                    () -> backend.list(item, page(List.of(), Optional.empty(), Optional.empty(), fields))
                            .keyset());
            run(
                    pg,
                    sent,
                    "list, keyset page after 900,000 rows",
                    () -> backend.list(item, page(List.of(), Optional.empty(), Optional.of(deep), fields))
                            .keyset());
            run(
                    pg,
                    sent,
                    "list by indexed rank, keyset page deep in",
                    () -> backend.list(
                                    item,
                                    page(
                                            List.of(),
                                            Optional.of(new Sort("rank", false)),
                                            Optional.of(deepRank),
                                            fields))
                            .keyset());
            run(
                    pg,
                    sent,
                    "list filtered (rank = 500, indexed)",
                    () -> backend.list(
                                    item,
                                    page(
                                            List.of(new Condition("rank", Condition.Op.EQ, 500L)),
                                            Optional.empty(),
                                            Optional.empty(),
                                            fields))
                            .keyset());
            run(
                    pg,
                    sent,
                    "list filtered (owner_id = 7, FK, indexed)",
                    () -> backend.list(
                                    item,
                                    page(
                                            List.of(new Condition("owner_id", Condition.Op.EQ, 7L)),
                                            Optional.empty(),
                                            Optional.empty(),
                                            fields))
                            .keyset());
            run(
                    pg,
                    sent,
                    "list sorted by unindexed weight",
                    () -> backend.list(
                                    item,
                                    page(List.of(), Optional.of(new Sort("weight", true)), Optional.empty(), fields))
                            .keyset());
            run(
                    pg,
                    sent,
                    "list searched (name ilike, no index)",
                    () -> backend.list(
                                    item,
                                    new ListQuery(
                                            List.of(),
                                            Optional.of("x12345"),
                                            List.of("name"),
                                            Optional.empty(),
                                            Optional.empty(),
                                            0,
                                            50,
                                            fields))
                            .keyset());
            run(
                    pg,
                    sent,
                    "find by id",
                    () -> backend.find(item, Id.of("654321")).isPresent() && false);
            run(
                    pg,
                    sent,
                    "count, unfiltered (estimate)",
                    () -> backend.count(item, List.of(), Optional.empty(), List.of(), false)
                            .exact());
        }
    }

    private static ListQuery page(
            List<Condition> conditions, Optional<Sort> sort, Optional<String> after, List<String> fields) {
        return new ListQuery(conditions, Optional.empty(), List.of(), sort, after, 0, 50, fields);
    }

    /** The benchmark table: item (1,000,000 rows: an indexed rank, an unindexed weight, a foreign key to owner). */
    public static void load(Pg pg) {
        long start = System.nanoTime();
        pg.execute("create table owner (id int primary key, name text not null)");
        pg.execute("insert into owner select i, 'owner ' || i from generate_series(1, 1000) i");
        pg.execute(
                "create table item (id bigint primary key, owner_id int not null, rank int not null, weight int not null,"
                        + " name text not null)");
        pg.execute("insert into item select i, 1 + i % 1000, i / 1000, (i::int8 * 7919) % 1000003, 'x' || i"
                + " from generate_series(1, " + ROWS + ") i");
        pg.execute("alter table item add foreign key (owner_id) references owner (id)");
        pg.execute("create index item_rank on item (rank)");
        pg.execute("create index item_owner on item (owner_id)");
        pg.execute("vacuum analyze item");
        pg.execute("vacuum analyze owner");
        System.out.printf("loaded %,d rows in %.1f s%n", ROWS, (System.nanoTime() - start) / 1e9);
    }

    private static void run(Pg pg, List<Sent> sent, String name, Supplier<Boolean> call) {
        long warm = System.nanoTime() + 3_000_000_000L; // until the JIT settles: 3 s or 500 calls
        for (int i = 0; i < 500 && System.nanoTime() < warm; i++) call.get();
        List<Double> server = new ArrayList<>(), client = new ArrayList<>();
        boolean keyset = false;
        for (int i = 0; i < RUNS; i++) {
            sent.clear();
            long t0 = System.nanoTime();
            keyset = call.get();
            client.add((System.nanoTime() - t0) / 1e6);
            double ms = 0;
            for (Sent s : List.copyOf(sent)) ms += serverMillis(pg, s);
            server.add(ms);
        }
        System.out.printf("%-44s %12.3f %12.3f %8s%n", name, median(server), median(client), keyset ? "yes" : "-");
    }

    /** Planning plus execution time of one statement as PostgreSQL measures it. */
    private static double serverMillis(Pg pg, Sent s) {
        if (!s.sql().startsWith("select") && !s.sql().startsWith("explain")) return 0;
        String sql = s.sql().startsWith("explain")
                ? s.sql().replace("explain (format json)", "explain (analyze, timing off, format json)")
                : "explain (analyze, timing off, format json) " + s.sql();
        JsonNode plan = (JsonNode) pg.rows(sql, s.params()).getFirst().value(0);
        return plan.path(0).path("Planning Time").asDouble()
                + plan.path(0).path("Execution Time").asDouble();
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
