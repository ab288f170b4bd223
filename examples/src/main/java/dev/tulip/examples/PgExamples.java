package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.HttpException;
import dev.tulip.Key;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.pg.Cursor;
import dev.tulip.pg.Isolation;
import dev.tulip.pg.Pg;
import dev.tulip.pg.PgAsync;
import dev.tulip.pg.PgException;
import dev.tulip.pg.Row;
import dev.tulip.pg.Subscription;
import dev.tulip.pg.TxOptions;
import dev.tulip.pg.embedded.EmbeddedPg;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** PostgreSQL with tulip-pg: install, queries, records, transactions, cursors, LISTEN, COPY, the embedded server. */
public final class PgExamples {
    private PgExamples() {}

    // spotless:off (the regions are laid out for reading in docs/guide/postgres.md)
    // tag::pg-record[]
    /** A row of {@code product}: {@code created_at} fills {@code createdAt}. */
    public record Product(int id, String name, BigDecimal price, OffsetDateTime createdAt) {}
    // end::pg-record[]

    /** The body of {@code POST /products}. */
    public record NewProduct(String name, BigDecimal price) {}

    /** The guide's shop: {@code url} is the database (tests pass the embedded server's). */
    public static Tulip app(Consumer<Config.Builder> config, String url) {
        // tag::pg-install[]
        var app = Tulip.create(config);
        var pg = Pg.create(cfg -> cfg.url(url).poolSize(8).migrations("db/shop")); // no url: DATABASE_URL
        app.install(pg); // opens when the app starts (migrations run then), closes after the drain
        // end::pg-install[]
        // tag::pg-queries[]
        app.get("/products", req -> pg.rows(Product.class, "select * from product order by id"));
        app.get("/products/{id:int}", req ->
                pg.one(Product.class, "select * from product where id = $1", req.pathInt("id"))); // empty: 404
        app.get("/products/count", req ->
                Map.of("count", pg.value(Long.class, "select count(*) from product").orElseThrow()));
        app.post("/products", req -> {
            NewProduct p = req.json(NewProduct.class);
            // a negative price breaks the check constraint: Pg answers 422 naming it
            Product saved = pg.one(Product.class,
                            "insert into product (name, price) values ($1, $2) returning *", p.name(), p.price())
                    .orElseThrow();
            return Response.json(201, saved).header("Location", "/products/" + saved.id());
        });
        app.delete("/products/{id:int}", req ->
                pg.execute("delete from product where id = $1", req.pathInt("id")) == 1 ? Response.noContent() : null);
        // end::pg-queries[]
        // tag::pg-json[]
        app.get("/products.json", req -> pg.json("select id, name, price from product order by id")); // an ArrayNode
        // end::pg-json[]
        // tag::pg-nonblocking[]
        PgAsync db = pg.async();
        app.get("/fast/products/{id:int}", Handler.nonBlocking(req ->
                db.one(Product.class, "select * from product where id = $1", req.pathInt("id")))); // a stage
        // end::pg-nonblocking[]
        // tag::pg-together[]
        app.get("/products/by-ids", req -> {
            List<CompletableFuture<Optional<Product>>> each = new ArrayList<>();
            for (String id : req.queryAll("id")) { // all sent at once: pipelined, about one round trip
                each.add(db.one(Product.class, "select * from product where id = $1", Integer.parseInt(id))
                        .toCompletableFuture());
            }
            return each.stream().map(Tulip::await).flatMap(Optional::stream).toList();
        });
        // end::pg-together[]
        // tag::pg-transaction[]
        app.post("/products/{id:int}/discount", req -> pg.transaction(tx -> {
            int id = req.pathInt("id");
            BigDecimal price = tx.value(BigDecimal.class, "select price from product where id = $1 for update", id)
                    .orElseThrow(() -> HttpException.notFound("no product " + id));
            BigDecimal cut = price.multiply(new BigDecimal("0.9"));
            tx.execute("update product set price = $1 where id = $2", cut, id);
            return Map.of("price", cut); // returning commits; an exception rolls back
        }));
        // end::pg-transaction[]
        // tag::pg-retry[]
        TxOptions serializable = TxOptions.of(Isolation.SERIALIZABLE).retries(5); // backoff from 5 ms, doubling
        app.post("/products/reprice", req -> pg.transaction(serializable, tx ->
                tx.execute("update product set price = price + 1 where price < (select avg(price) from product)")));
        // end::pg-retry[]
        // tag::pg-savepoint[]
        app.post("/products/import", req -> pg.transaction(tx -> {
            int imported = 0;
            for (NewProduct p : req.json(NewProduct[].class)) {
                try {
                    tx.savepoint(sp ->
                            sp.execute("insert into product (name, price) values ($1, $2)", p.name(), p.price()));
                    imported++;
                } catch (PgException e) {
                    // this row broke a rule: its savepoint rolled back, the rest of the import stays
                }
            }
            return Map.of("imported", imported);
        }));
        // end::pg-savepoint[]
        // tag::pg-stream[]
        app.get("/products.csv", req -> Response.stream("text/csv", out -> pg.transaction(tx -> {
            try (Cursor rows = tx.cursor(500, "select id, name, price from product order by id")) {
                for (Row r : rows) { // 500 rows in memory at most; a slow client slows the reads
                    write(out, r.value("id") + "," + r.value("name") + "," + r.value("price") + "\n");
                }
            }
            return null;
        })));
        // end::pg-stream[]
        return app;
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Listens for price changes, reporting gaps; returns the subscription. */
    public static Subscription listen(Pg pg, List<String> seen, List<Subscription.Gap> gaps) {
        // tag::pg-listen[]
        Subscription sub = pg.listen("prices",
                payload -> seen.add(payload), // on an event loop: don't block here
                gap -> gaps.add(gap)); // the connection was lost: reload what you cached
        pg.execute("select pg_notify('prices', $1)", "product 1 changed");
        // end::pg-listen[]
        return sub;
    }

    /** Loads {@code n} products with COPY; returns the count loaded. */
    public static long bulk(Pg pg, int n) {
        // tag::pg-copy[]
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {"bulb " + i, new BigDecimal("0.50")});
        }
        long loaded = pg.copyIn("product", List.of("name", "price"), rows); // pgjdbc's COPY; blocks this thread
        // end::pg-copy[]
        return loaded;
    }

    /** The demo's way to a database with no setup: {@code DATABASE_URL}, else an embedded server. */
    public static Tulip withEmbedded(Consumer<Config.Builder> config, Path dataDir) {
        // tag::pg-embedded[]
        var app = Tulip.create(config);
        Optional<String> url = Optional.ofNullable(System.getenv("DATABASE_URL"));
        var embedded = new AtomicReference<EmbeddedPg>();
        if (url.isEmpty()) {
            app.resource(Key.of("postgres", EmbeddedPg.class), ctx -> {
                embedded.set(EmbeddedPg.start(dataDir)); // kept between runs
                return embedded.get();
            }, EmbeddedPg::close); // stopped when the app stops
        }
        var pg = Pg.create(cfg -> cfg.url(() -> url.orElseGet(() -> embedded.get().url())));
        app.install(pg); // declared after the server, so it opens after it
        // end::pg-embedded[]
        app.get("/version", req -> pg.value(String.class, "show server_version").orElseThrow());
        return app;
    }
    // spotless:on
}
