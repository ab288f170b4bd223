package dev.tulip.pg;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Rows/s reading one 100,000-row result of {@code (int, text, timestamptz, numeric)} into Java
 * values, on one embedded PostgreSQL, each way in turn, round after round, medians: Tulip's
 * {@code Pg.rows} and {@code Pg.rows(Class, ...)}, raw vertx-pg-client (its own Vert.x, a pool,
 * the typed getters) and pgjdbc (a prepared statement, the typed getters). Every way reads every
 * value. Run by {@code tulip-pg/bench/decode.sh [rows] [rounds]}.
 */
final class DecodeBench {
    record Item(int id, String name, OffsetDateTime at, BigDecimal amount) {}

    private static final String SQL = "select id, name, at, amount from item where id <= $1";
    private static volatile Object sink;

    private DecodeBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String url = TestDb.freshDatabase();
        String db = url.substring(url.lastIndexOf('/') + 1);
        String jdbc = "jdbc:postgresql://127.0.0.1:" + TestDb.server().port() + "/" + db + "?user=postgres";
        Vertx vertx = Vertx.vertx();
        var raw = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1))
                .connectingTo(new PgConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(TestDb.server().port())
                        .setDatabase(db)
                        .setUser("postgres")
                        .setCachePreparedStatements(true))
                .using(vertx)
                .build();
        try (Pg pg = Pg.connect(cfg -> cfg.url(url).poolSize(1));
                Connection c = DriverManager.getConnection(jdbc)) {
            pg.execute("create table item (id int primary key, name text, at timestamptz, amount numeric)");
            pg.execute(
                    "insert into item select i, 'item number ' || i, now() - i * interval '1 minute',"
                            + " (i * 1.25)::numeric from generate_series(1, $1) i",
                    n);
            pg.execute("vacuum analyze item");
            System.out.printf(
                    "server: embedded PostgreSQL %s; one result of %,d rows of (int, text, timestamptz, numeric); %d rounds after two warm-ups%n",
                    pg.value(String.class, "show server_version").orElseThrow(), n, rounds);
            PreparedStatement ps = c.prepareStatement(SQL.replace("$1", "?"));
            Map<String, Callable<Integer>> ways = new LinkedHashMap<>();
            ways.put("Tulip Pg.rows", () -> {
                List<Row> rows = pg.rows(SQL, n);
                long h = 0;
                for (Row r : rows)
                    h += r.value(0).hashCode()
                            + r.value(1).hashCode()
                            + r.value(2).hashCode()
                            + r.value(3).hashCode();
                sink = h;
                return rows.size();
            });
            ways.put("Tulip Pg.rows(Item.class)", () -> {
                List<Item> items = pg.rows(Item.class, SQL, n);
                long h = 0;
                for (Item i : items)
                    h += i.id()
                            + i.name().hashCode()
                            + i.at().hashCode()
                            + i.amount().hashCode();
                sink = h;
                return items.size();
            });
            ways.put("raw vertx-pg-client", () -> {
                var set = raw.preparedQuery(SQL)
                        .execute(Tuple.of(n))
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS);
                long h = 0;
                int count = 0;
                for (var r : set) {
                    h += r.getInteger(0)
                            + r.getString(1).hashCode()
                            + r.getOffsetDateTime(2).hashCode()
                            + r.getBigDecimal(3).hashCode();
                    count++;
                }
                sink = h;
                return count;
            });
            ways.put("pgjdbc", () -> {
                ps.setInt(1, n);
                long h = 0;
                int count = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        h += rs.getInt(1)
                                + rs.getString(2).hashCode()
                                + rs.getObject(3, OffsetDateTime.class).hashCode()
                                + rs.getBigDecimal(4).hashCode();
                        count++;
                    }
                }
                sink = h;
                return count;
            });
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (int round = -2; round < rounds; round++) {
                for (var w : ways.entrySet()) {
                    long t0 = System.nanoTime();
                    int got = w.getValue().call();
                    double rate = n / ((System.nanoTime() - t0) / 1e9);
                    if (got != n) throw new IllegalStateException(w.getKey() + " read " + got + " rows, not " + n);
                    if (round >= 0)
                        rates.computeIfAbsent(w.getKey(), k -> new ArrayList<>())
                                .add(rate);
                }
            }
            double jdbcRate = CopyBench.median(rates.get("pgjdbc"));
            double vertxRate = CopyBench.median(rates.get("raw vertx-pg-client"));
            System.out.printf("%-28s %12s %9s %9s  %s%n", "way", "median r/s", "vs vertx", "vs pgjdbc", "each round");
            for (var e : rates.entrySet()) {
                double m = CopyBench.median(e.getValue());
                System.out.printf(
                        "%-28s %,12.0f %8.2fx %8.2fx  %s%n",
                        e.getKey(),
                        m,
                        m / vertxRate,
                        m / jdbcRate,
                        e.getValue().stream()
                                .map(v -> String.format("%,.0f", v))
                                .toList());
            }
        } finally {
            raw.close();
            vertx.close();
        }
        System.exit(0);
    }
}
