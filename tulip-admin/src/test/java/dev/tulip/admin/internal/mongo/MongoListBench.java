package dev.tulip.admin.internal.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Sort;
import dev.tulip.mongo.Filter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Medians of the admin's list calls over 100,000 documents on the embedded server (in memory, in
 * this process): {@code tulip-admin/bench/mongo-list.sh}. Not a test.
 */
public final class MongoListBench {
    private static final int DOCS = Integer.getInteger("docs", 100_000);
    private static final int RUNS = Integer.getInteger("runs", 21);
    private static final int WARMUP = 5;

    public static void main(String[] args) {
        try (EmbeddedDb db = EmbeddedDb.start("bench")) {
            var tasks = db.collection("tasks");
            List<ObjectId> ids = load(tasks);

            MongoBackend backend = new MongoBackend(db.mongo, List.of());
            Model model = backend.models().getFirst();
            List<String> fields = List.of("title", "n", "tag", "price", "created");
            ids.sort(null);
            ObjectId deep = ids.get(DOCS * 9 / 10);
            String deepCursor = PageCursor.encode("_id", false, deep.toHexString(), deep);
            Id someId = Id.of(ids.get(DOCS / 2).toHexString());

            measure(
                    "list, first page (50, by _id, keyset)",
                    () -> backend.list(model, page(List.of(), Optional.empty(), Optional.empty(), 0, fields))
                            .rows()
                            .size());
            measure(
                    "list, deep keyset page (after 90%)",
                    () -> backend.list(model, page(List.of(), Optional.empty(), Optional.of(deepCursor), 0, fields))
                            .rows()
                            .size());
            measure(
                    "list, deep offset page (offset 90%)",
                    () -> backend.list(
                                    model, page(List.of(), Optional.empty(), Optional.empty(), DOCS * 9 / 10, fields))
                            .rows()
                            .size());
            measure(
                    "list, filtered (tag = t3, n >= 50%)",
                    () -> backend.list(
                                    model,
                                    page(
                                            List.of(
                                                    new Condition("tag", Condition.Op.EQ, "t3"),
                                                    new Condition("n", Condition.Op.GTE, (long) DOCS / 2)),
                                            Optional.empty(),
                                            Optional.empty(),
                                            0,
                                            fields))
                            .rows()
                            .size());
            measure(
                    "list, sorted by an unindexed field (price)",
                    () -> backend.list(
                                    model,
                                    page(List.of(), Optional.of(new Sort("price", false)), Optional.empty(), 0, fields))
                            .rows()
                            .size());
            measure(
                    "list, sorted by an indexed field (n desc, keyset)",
                    () -> backend.list(
                                    model,
                                    page(List.of(), Optional.of(new Sort("n", true)), Optional.empty(), 0, fields))
                            .rows()
                            .size());
            ObjectId middle = ids.get(DOCS / 2);
            measure(
                    "reference: the facade's findOne by _id, no admin",
                    () -> tasks.findOne(Filter.eq("_id", middle))
                            .map(Document::size)
                            .orElse(0));
            measure(
                    "reference: the facade's find, 51 by _id, no admin",
                    () -> tasks.find()
                            .sort(Sorts.ascending("_id"))
                            .limit(51)
                            .list(51)
                            .size());
            measure(
                    "find by id",
                    () -> backend.find(model, someId).map(r -> r.size()).orElse(0));
            measure(
                    "count, unfiltered (estimate)",
                    () -> (int) backend.count(model, List.of(), Optional.empty(), List.of(), false)
                            .value());
            measure("count, filtered (tag = t3)", () -> (int) backend.count(
                            model,
                            List.of(new Condition("tag", Condition.Op.EQ, "t3")),
                            Optional.empty(),
                            List.of(),
                            false)
                    .value());
        }
    }

    private static ListQuery page(
            List<Condition> conditions, Optional<Sort> sort, Optional<String> after, long offset, List<String> fields) {
        return new ListQuery(conditions, Optional.empty(), List.of(), sort, after, offset, 50, fields);
    }

    private static void measure(String name, Supplier<Integer> call) {
        for (int i = 0; i < WARMUP; i++) call.get();
        double[] ms = new double[RUNS];
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            size = call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                "%-52s median %8.2f ms  (min %8.2f, max %8.2f; %d runs; result %d)%n",
                name, ms[RUNS / 2], ms[0], ms[RUNS - 1], RUNS, size);
    }

    /** The benchmark collection: 100,000 tasks (title, an indexed n, tag, price, created); their ids. */
    public static List<ObjectId> load(dev.tulip.mongo.Collection<Document> tasks) {
        long t0 = System.nanoTime();
        List<ObjectId> ids = new ArrayList<>();
        for (int start = 0; start < DOCS; start += 5_000) {
            List<Document> batch = new ArrayList<>();
            for (int i = start; i < Math.min(DOCS, start + 5_000); i++) {
                ObjectId id = new ObjectId();
                ids.add(id);
                batch.add(new Document("_id", id)
                        .append("title", "task " + i)
                        .append("n", i)
                        .append("tag", "t" + (i % 10))
                        .append("price", new Decimal128(BigDecimal.valueOf((i * 7919L) % 100_000, 2)))
                        .append(
                                "created",
                                Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))));
            }
            tasks.insertMany(batch);
        }
        tasks.createIndex(Indexes.ascending("n"), new IndexOptions());
        System.out.printf("loaded %,d documents in %.1f s%n", DOCS, (System.nanoTime() - t0) / 1e9);
        return ids;
    }

    /** The keyset cursor of a list by {@code _id} that resumes after {@code id}. */
    public static String cursorAfter(ObjectId id) {
        return PageCursor.encode("_id", false, id.toHexString(), id);
    }
}
