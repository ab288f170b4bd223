package dev.tulip.pg;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk-load rows/s on one embedded PostgreSQL, each way in turn, round after round, medians:
 * {@code Pg.copyIn}, raw pgjdbc {@code CopyManager}, {@code executeMany} and {@code unnest}.
 * Run by {@code tulip-pg/bench/copy.sh [rows] [rounds]}.
 */
final class CopyBench {
    private CopyBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String url = TestDb.freshDatabase();
        String jdbc = "jdbc:postgresql://127.0.0.1:" + TestDb.server().port() + "/"
                + url.substring(url.lastIndexOf('/') + 1) + "?user=postgres";
        System.out.printf(
                "server: embedded PostgreSQL %s; %,d rows; %d rounds after one warm-up%n", version(jdbc), n, rounds);
        try (Pg pg = Pg.connect(cfg -> cfg.url(url))) {
            wide(pg, jdbc, n, rounds);
            narrow(pg, jdbc, n, rounds);
        }
        System.exit(0);
    }

    private static void narrow(Pg pg, String jdbc, int n, int rounds) {
        System.out.println("\ntable pair (id int, name text), no key");
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) rows.add(new Object[] {i, "item " + i});
        pg.execute("create table pair (id int, name text)");
        Map<String, Supplier<Long>> ways = new LinkedHashMap<>();
        ways.put("Pg.copyIn", () -> pg.copyIn("pair", List.of("id", "name"), rows));
        ways.put(
                "raw pgjdbc CopyManager",
                () -> raw(
                        jdbc,
                        "COPY pair (id, name) FROM STDIN",
                        rows,
                        (sb, r) -> sb.append((Integer) r[0])
                                .append('\t')
                                .append((String) r[1])
                                .append('\n')));
        ways.put("executeMany (1,000 a batch)", () -> {
            long t = 0;
            for (int i = 0; i < rows.size(); i += 1000)
                t += pg.executeMany(
                        "insert into pair values ($1, $2)", rows.subList(i, Math.min(rows.size(), i + 1000)));
            return t;
        });
        ways.put("insert ... unnest (10,000 a statement)", () -> {
            long t = 0;
            for (int i = 0; i < rows.size(); i += 10_000) {
                List<Object[]> part = rows.subList(i, Math.min(rows.size(), i + 10_000));
                t += pg.execute(
                        "insert into pair select * from unnest($1::int[], $2::text[])",
                        part.stream().map(r -> (Integer) r[0]).toArray(Integer[]::new),
                        part.stream().map(r -> (String) r[1]).toArray(String[]::new));
            }
            return t;
        });
        measure(pg, "pair", ways, n, rounds);
    }

    private static void wide(Pg pg, String jdbc, int n, int rounds) {
        System.out.println(
                "\ntable item (id int primary key, name text, price numeric, data bytea), a tenth of names NULL");
        List<Object[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
            rows.add(new Object[] {
                i,
                i % 10 == 0 ? null : "item " + i + ", with\ta tab",
                new BigDecimal(i + ".25"),
                new byte[] {0, (byte) i}
            });
        {
            pg.execute("create table item (id int primary key, name text, price numeric, data bytea)");
            Map<String, Supplier<Long>> ways = new LinkedHashMap<>();
            ways.put("Pg.copyIn", () -> pg.copyIn("item", List.of("id", "name", "price", "data"), rows));
            HexFormat hex = HexFormat.of();
            ways.put(
                    "raw pgjdbc CopyManager",
                    () -> raw(jdbc, "COPY item (id, name, price, data) FROM STDIN", rows, (sb, r) -> {
                        sb.append((Integer) r[0]).append('\t');
                        if (r[1] == null) sb.append("\\N");
                        else sb.append(((String) r[1]).replace("\t", "\\t"));
                        sb.append('\t')
                                .append(r[2])
                                .append("\t\\\\x")
                                .append(hex.formatHex((byte[]) r[3]))
                                .append('\n');
                    }));
            ways.put("executeMany (1,000 a batch)", () -> {
                long t = 0;
                for (int i = 0; i < rows.size(); i += 1000)
                    t += pg.executeMany(
                            "insert into item values ($1, $2, $3, $4)",
                            rows.subList(i, Math.min(rows.size(), i + 1000)));
                return t;
            });
            ways.put("insert ... unnest (10,000 a statement)", () -> {
                long t = 0;
                for (int i = 0; i < rows.size(); i += 10_000) {
                    List<Object[]> part = rows.subList(i, Math.min(rows.size(), i + 10_000));
                    t += pg.execute(
                            "insert into item select * from unnest($1::int[], $2::text[], $3::numeric[], $4::bytea[])",
                            part.stream().map(r -> (Integer) r[0]).toArray(Integer[]::new),
                            part.stream().map(r -> (String) r[1]).toArray(String[]::new),
                            part.stream().map(r -> (BigDecimal) r[2]).toArray(BigDecimal[]::new),
                            part.stream().map(r -> (byte[]) r[3]).toArray(byte[][]::new));
                }
                return t;
            });
            measure(pg, "item", ways, n, rounds);
            for (int round = 0; round < 5; round++) {
                dev.tulip.pg.internal.CopyText text = new dev.tulip.pg.internal.CopyText(80 * 1024);
                long t0 = System.nanoTime();
                for (Object[] r : rows) {
                    text.row(r);
                    if (text.size() >= 65_536) text.clear();
                }
                System.out.printf(
                        "encoding alone (CopyText, no server), round %d: %,.0f rows/s%n",
                        round, n / ((System.nanoTime() - t0) / 1e9));
            }
        }
    }

    private static void measure(Pg pg, String table, Map<String, Supplier<Long>> ways, int n, int rounds) {
        {
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                for (var w : ways.entrySet()) {
                    pg.execute("truncate " + table);
                    long t0 = System.nanoTime();
                    long loaded = w.getValue().get();
                    double rate = n / ((System.nanoTime() - t0) / 1e9);
                    if (loaded != n)
                        throw new IllegalStateException(w.getKey() + " loaded " + loaded + " rows, not " + n);
                    if (round == 0)
                        System.out.printf(
                                "warm-up (first call in this JVM for the first table): %s %,.0f rows/s%n",
                                w.getKey(), rate);
                    if (round > 0)
                        rates.computeIfAbsent(w.getKey(), k -> new ArrayList<>())
                                .add(rate);
                }
            }
            double raw = median(rates.get("raw pgjdbc CopyManager"));
            System.out.printf("%-40s %12s %10s  %s%n", "way", "median r/s", "vs raw", "each round");
            for (var e : rates.entrySet()) {
                double m = median(e.getValue());
                System.out.printf(
                        "%-40s %,12.0f %9.2fx  %s%n",
                        e.getKey(),
                        m,
                        m / raw,
                        e.getValue().stream()
                                .map(v -> String.format("%,.0f", v))
                                .toList());
            }
        }
    }

    /** What a user of pgjdbc alone writes: text-format rows, encoded by {@code row}, in 64 KiB chunks. */
    private static long raw(String jdbc, String sql, List<Object[]> rows, BiConsumer<StringBuilder, Object[]> row) {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            StringBuilder sb = new StringBuilder(70_000);
            for (Object[] r : rows) {
                row.accept(sb, r);
                if (sb.length() >= 65_536) {
                    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(b, 0, b.length);
                    sb.setLength(0);
                }
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            return copy.endCopy();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String version(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc);
                var rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
