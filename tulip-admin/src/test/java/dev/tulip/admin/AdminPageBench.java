package dev.tulip.admin;

import dev.tulip.Tulip;
import dev.tulip.admin.internal.mongo.MongoListBench;
import dev.tulip.admin.internal.pg.PgListBench;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.embedded.EmbeddedMongo;
import dev.tulip.pg.Pg;
import dev.tulip.pg.embedded.EmbeddedPg;
import dev.tulip.test.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The admin's pages over a 1,000,000-row PostgreSQL table and a 100,000-document collection on
 * the embedded MongoDB: the median server time of each page (the request's duration as the
 * server observed it, from its head read to its response handed to the socket), the median time
 * the client saw, and the page's bytes. Run by {@code tulip-admin/bench/admin-pages.sh}; not a test.
 */
public final class AdminPageBench {
    private static final int RUNS = Integer.getInteger("runs", 31);
    private static final int WARM = Integer.getInteger("warm", 30);
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]*after=[^\"]*)\" id=\"next\"");

    private record Sample(long serverNanos, long bytes) {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedPg postgres = EmbeddedPg.startTemporary()) {
            Map<String, List<Sample>> seen = new ConcurrentHashMap<>();
            String[] taskCursor = new String[1];
            Tulip app = Tulip.create(c -> c.port(0).accessLog(false));
            EmbeddedMongo mongoServer = EmbeddedMongo.inMemory();
            app.install(mongoServer);
            Mongo mongo = Mongo.create(cfg -> cfg.uri(() -> mongoServer.uri() + "/bench"));
            app.install(mongo);
            Pg pg = Pg.create(cfg -> cfg.url(postgres.url()).poolSize(4));
            app.install(pg);
            app.install(setup -> setup.resource(
                    "data",
                    ctx -> {
                        PgListBench.load(pg);
                        List<org.bson.types.ObjectId> ids = new ArrayList<>(
                                MongoListBench.load(mongo.database().collection("tasks", Document.class)));
                        ids.sort(null);
                        taskCursor[0] = MongoListBench.cursorAfter(ids.get(ids.size() * 9 / 10));
                        return pg;
                    },
                    x -> {}));
            Admin admin = Admin.create(cfg -> cfg.pg(pg).mongo(mongo));
            app.install(admin);
            app.install(setup -> setup.observe(e -> seen.computeIfAbsent(e.target(), t -> new CopyOnWriteArrayList<>())
                    .add(new Sample(e.durationNanos(), e.bodyBytes()))));
            try (TestServer server = TestServer.start(app)) {
                admin.saveUser("bench", "bench-password-1", true, Set.of());
                Browser b = new Browser("http://127.0.0.1:" + server.port());
                b.login("bench", "bench-password-1");
                String deepItem = next(b, "/admin/m/item?offset=900000");
                String deepTask = "/admin/m/tasks?after="
                        + java.net.URLEncoder.encode(taskCursor[0], java.nio.charset.StandardCharsets.UTF_8);
                String someTask = b.get("/admin/m/tasks?offset=50000&size=1")
                        .body()
                        .replaceAll("(?s).*href=\"/admin/m/tasks/r/([0-9a-f]{24})\".*", "$1");
                System.out.printf("%-58s %10s %10s %9s%n", "page", "server ms", "client ms", "bytes");
                List<String[]> cases = List.of(
                        new String[] {"PostgreSQL item (1,000,000 rows): list, first page", "/admin/m/item"},
                        new String[] {"  list, keyset page after 900,000 rows", deepItem},
                        new String[] {
                            "  list filtered (rank 500..500, indexed)", "/admin/m/item?f.rank:gte=500&f.rank:lte=500"
                        },
                        new String[] {"  list sorted by unindexed weight", "/admin/m/item?sort=weight"},
                        new String[] {"  list searched (name, no index)", "/admin/m/item?q=x12345"},
                        new String[] {"  detail", "/admin/m/item/r/654321"},
                        new String[] {"  edit page", "/admin/m/item/r/654321/edit"},
                        new String[] {"MongoDB tasks (100,000 documents): list, first page", "/admin/m/tasks"},
                        new String[] {"  list, keyset page after 90,000", deepTask},
                        new String[] {"  list filtered (n 50000..50049)", "/admin/m/tasks?f.n:gte=50000&f.n:lte=50049"},
                        new String[] {"  list sorted by unindexed price", "/admin/m/tasks?sort=price"},
                        new String[] {"  edit page", "/admin/m/tasks/r/" + someTask + "/edit"});
                for (String[] c : cases) {
                    String path = c[1];
                    boolean slow = path.contains("sort=weight") || path.contains("q=") || path.contains("sort=price");
                    int warm = slow ? 3 : WARM, runs = slow ? 7 : RUNS;
                    for (int i = 0; i < warm; i++) check(b, path);
                    seen.remove(path);
                    long[] client = new long[runs];
                    for (int i = 0; i < runs; i++) {
                        long t0 = System.nanoTime();
                        check(b, path);
                        client[i] = System.nanoTime() - t0;
                    }
                    List<Sample> s = new ArrayList<>(seen.getOrDefault(path, List.of()));
                    long[] serverTimes =
                            s.stream().mapToLong(Sample::serverNanos).sorted().toArray();
                    java.util.Arrays.sort(client);
                    System.out.printf(
                            "%-58s %10.2f %10.2f %9d%n",
                            c[0],
                            serverTimes[serverTimes.length / 2] / 1e6,
                            client[runs / 2] / 1e6,
                            s.isEmpty() ? 0 : s.getLast().bytes());
                }
            }
        }
    }

    private static String next(Browser b, String path) {
        Matcher m = NEXT.matcher(b.get(path).body());
        if (!m.find()) throw new IllegalStateException("no keyset next link on " + path);
        return m.group(1).replace("&amp;", "&");
    }

    private static void check(Browser b, String path) {
        var r = b.get(path);
        if (r.statusCode() != 200)
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
}
