package dev.tulip.bench;

import dev.tulip.Handler;
import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.pg.Pg;
import dev.tulip.pg.PgAsync;
import dev.tulip.pg.PgConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * TechEmpower's database test types on {@code tulip-pg}: {@code /db}, {@code /queries},
 * {@code /fortunes}, {@code /updates}, {@code /cached-queries}. On virtual threads the handlers
 * wait for their queries; on the loop they return the stages. The N queries of {@code /queries}
 * and {@code /updates} are issued together (pipelined) and awaited together, one SELECT per row.
 */
final class DbTests {
    /** A {@code World} row. */
    record World(int id, int randomNumber) {}

    /** A {@code Fortune} row. */
    record Fortune(int id, String message) {}

    private static final String WORLD = "SELECT id, randomnumber FROM world WHERE id = $1";
    private static final String UPDATE = "UPDATE world SET randomnumber = $1 WHERE id = $2";

    private DbTests() {}

    static void install(Tulip app, boolean onLoop, String url, int poolSize, PgConfig.LoopMode loops) {
        Pg pg = Pg.create(cfg -> cfg.url(url).poolSize(poolSize).loops(loops));
        app.install(pg);
        PgAsync db = pg.async();
        // TechEmpower's cached-queries: every World row, loaded once, on first use
        AtomicReference<CompletableFuture<World[]>> cache = new AtomicReference<>();
        Supplier<CompletableFuture<World[]>> worlds = () -> {
            CompletableFuture<World[]> c = cache.get();
            if (c != null && !c.isCompletedExceptionally()) return c;
            CompletableFuture<World[]> load = new CompletableFuture<>();
            if (!cache.compareAndSet(c, load)) return cache.get();
            db.rows(WORLD_ALL)
                    .thenApply(rows -> rows.stream().map(DbTests::world).toArray(World[]::new))
                    .whenComplete((v, e) -> {
                        if (e != null) load.completeExceptionally(e);
                        else load.complete(v);
                    });
            return load;
        };
        if (onLoop) {
            app.get("/db", Handler.nonBlocking(req -> randomWorld(db)));
            app.get("/queries", Handler.nonBlocking(req -> randomWorlds(db, count(req, "queries"))));
            app.get("/updates", Handler.nonBlocking(req -> updates(db, count(req, "queries"))));
            app.get(
                    "/fortunes",
                    Handler.nonBlocking(req -> db.rows(Fortune.class, "SELECT id, message FROM fortune")
                            .thenApply(DbTests::fortunesPage)));
        } else {
            app.get("/db", req -> Tulip.await(randomWorld(db)));
            app.get("/queries", req -> pg.together(d -> randomWorlds(d, count(req, "queries"))));
            app.get("/updates", req -> pg.together(d -> updates(d, count(req, "queries"))));
            app.get("/fortunes", req -> fortunesPage(pg.rows(Fortune.class, "SELECT id, message FROM fortune")));
        }
        if (onLoop)
            app.get(
                    "/cached-queries",
                    Handler.nonBlocking(req -> worlds.get().thenApply(c -> cached(c, count(req, "count")))));
        else app.get("/cached-queries", req -> cached(Tulip.await(worlds.get()), count(req, "count")));
    }

    private static final String WORLD_ALL = "SELECT id, randomnumber FROM world";

    private static World world(dev.tulip.pg.Row r) {
        return new World((Integer) r.value(0), (Integer) r.value(1));
    }

    /** {@code queries}/{@code count}: 1..500, anything missing or not a number is 1. */
    static int count(Request req, String name) {
        try {
            return Math.min(
                    500, Math.max(1, Integer.parseInt(req.query(name, "1").strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static int randomId() {
        return ThreadLocalRandom.current().nextInt(1, 10001);
    }

    private static CompletionStage<World> randomWorld(PgAsync db) {
        return db.one(WORLD, randomId()).thenApply(r -> world(r.orElseThrow()));
    }

    private static CompletionStage<List<World>> randomWorlds(PgAsync db, int n) {
        List<CompletableFuture<World>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) all.add(randomWorld(db).toCompletableFuture());
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    private static CompletionStage<List<World>> updates(PgAsync db, int n) {
        return randomWorlds(db, n).thenCompose(read -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            List<World> changed = new ArrayList<>(n);
            for (World w : read) {
                int number;
                do number = rnd.nextInt(1, 10001);
                while (number == w.randomNumber());
                changed.add(new World(w.id(), number));
            }
            // sorted by id, so concurrent batches lock rows in one order (no deadlocks)
            List<Object[]> batch = changed.stream()
                    .sorted(Comparator.comparingInt(World::id))
                    .map(w -> new Object[] {w.randomNumber(), w.id()})
                    .toList();
            return db.executeMany(UPDATE, batch).thenApply(count -> changed);
        });
    }

    private static List<World> cached(World[] cache, int n) {
        List<World> out = new ArrayList<>(n);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) out.add(cache[rnd.nextInt(cache.length)]);
        return out;
    }

    private static Response fortunesPage(List<Fortune> fromDb) {
        List<Fortune> list = new ArrayList<>(fromDb);
        list.add(new Fortune(0, "Additional fortune added at request time."));
        list.sort(Comparator.comparing(Fortune::message));
        StringBuilder sb = new StringBuilder(1200);
        sb.append("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>"
                + "<tr><th>id</th><th>message</th></tr>");
        for (Fortune f : list) {
            sb.append("<tr><td>").append(f.id()).append("</td><td>");
            escapeHtml(sb, f.message());
            sb.append("</td></tr>");
        }
        sb.append("</table></body></html>");
        return Response.html(sb.toString());
    }

    private static void escapeHtml(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
    }
}
