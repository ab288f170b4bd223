package dev.tulip.admin.internal.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoServerException;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.tulip.admin.spi.Count;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Page;
import dev.tulip.admin.spi.Sort;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Filter;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.MongoFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.JsonNode;

/**
 * Pages and counts. A page is read by keyset when its order is {@code _id}'s or a field that
 * leads an index (and is of one ordered type), {@code _id} breaking ties, fetching one row more
 * than shown to know whether more follow; by skip otherwise. A count is the collection's
 * metadata count when unfiltered and large, else counted under a 2 s time limit.
 */
final class Lister {
    /** Below this many records an unfiltered count is exact. */
    static final long EXACT_BELOW = 10_000;

    static final int COUNT_MILLIS = 2_000;

    private final Mongo mongo;
    private final Commands commands;

    Lister(Mongo mongo, Commands commands) {
        this.mongo = mongo;
        this.commands = commands;
    }

    Page list(Shape shape, ListQuery q) {
        String name = shape.model().name();
        String field = q.sort().map(Sort::field).orElse("_id");
        boolean descending = q.sort().map(Sort::descending).orElse(false);
        Field sortField = shape.field(field);
        boolean keyset = q.offset() == 0
                && (field.equals("_id")
                        || (shape.indexLeads().contains(field) && PageCursor.ORDERED.contains(sortField.type())));
        if (q.after().isPresent() && !keyset)
            throw new IllegalArgumentException("a page cursor is only valid for a keyset list from its first page");
        Filter filter = Conditions.of(shape, q.conditions(), q.search(), q.searchFields());
        if (q.after().isPresent())
            filter = Conditions.and(List.of(
                    filter, PageCursor.after(shape, field, descending, q.after().get())));
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add("_id");
        for (String f : q.fields()) wanted.add(shape.field(f).name());
        wanted.add(field);
        Bson order = field.equals("_id")
                ? (descending ? Sorts.descending("_id") : Sorts.ascending("_id"))
                : (descending ? Sorts.descending(field, "_id") : Sorts.ascending(field, "_id"));
        if (q.offset() > Integer.MAX_VALUE) throw new IllegalArgumentException("offset too large: " + q.offset());
        int n = q.limit() + 1;
        commands.sent("find", name);
        List<Document> docs = MongoBackend.collection(mongo, name)
                .find(filter)
                .projection(Projections.include(List.copyOf(wanted)))
                .sort(order)
                .skip((int) q.offset())
                .limit(n)
                .list(n);
        boolean hasMore = docs.size() > q.limit();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Document d : docs.subList(0, Math.min(docs.size(), q.limit()))) rows.add(row(shape, d, wanted));
        Optional<String> next = Optional.empty();
        if (keyset && hasMore) {
            Document last = docs.get(q.limit() - 1);
            next = Optional.of(PageCursor.encode(
                    field, descending, Values.canonical(sortField, last.get(field)), last.get("_id")));
        }
        return new Page(rows, next, keyset, hasMore);
    }

    Count count(Shape shape, Filter filter, boolean filtered, boolean exact) {
        String name = shape.model().name();
        Collection<Document> coll = MongoBackend.collection(mongo, name);
        if (!filtered) {
            commands.sent("count", name);
            long estimate = coll.estimatedCount();
            if (!exact && estimate >= EXACT_BELOW) return Count.estimate(estimate);
        }
        commands.sent("aggregate", name);
        BsonDocument match = filter.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
        Document command = new Document("aggregate", name)
                .append(
                        "pipeline",
                        List.of(
                                new Document("$match", match),
                                new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1)))))
                .append("cursor", new Document())
                .append("maxTimeMS", COUNT_MILLIS);
        try {
            JsonNode batch = mongo.database().command(command).path("cursor").path("firstBatch");
            return Count.exact(batch.isEmpty() ? 0 : batch.get(0).path("n").asLong());
        } catch (MongoFailure e) {
            if (!timedOut(e)) throw e;
            commands.sent("count", name);
            return Count.estimate(coll.estimatedCount()); // the collection's size: for a filter, an upper bound
        }
    }

    static Map<String, Object> row(Shape shape, Document d, Set<String> fields) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (String f : fields) row.put(f, Values.canonical(shape.field(f), d.get(f)));
        return row;
    }

    private static boolean timedOut(MongoFailure e) {
        return e.getCause() instanceof MongoExecutionTimeoutException
                || (e.getCause() instanceof MongoServerException s && s.getCode() == 50);
    }
}
