package dev.tulip.mongo;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.tulip.Tulip;
import dev.tulip.mongo.internal.BlockingCursor;
import dev.tulip.mongo.internal.Codecs;
import dev.tulip.mongo.internal.Failures;
import dev.tulip.mongo.internal.FieldNames;
import dev.tulip.mongo.internal.Ids;
import dev.tulip.mongo.internal.Mapped;
import dev.tulip.mongo.internal.Publishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.reactivestreams.Publisher;
import tools.jackson.databind.node.ObjectNode;

/**
 * A collection of documents of type {@code T}: Jackson trees ({@code ObjectNode}), records, or the
 * driver's {@code Document}. Handlers see the id as the string field {@code id}; {@link IdType}
 * says how it is stored. A handle, valid before the app starts; each call has a plain form (for a
 * handler's virtual thread) and an {@code ...Async} form. Filters are {@link Filter}s; updates,
 * sorts, projections and indexes are the driver's builders ({@code Updates}, {@code Sorts},
 * {@code Projections}, {@code Indexes}).
 */
public final class Collection<T> {
    private final Database db;
    private final String name;
    private final Class<T> type;
    private final IdType ids;
    private volatile Object cachedFor;
    private volatile MongoCollection<T> cached;

    Collection(Database db, String name, Class<T> type, IdType ids) {
        this.db = db;
        this.name = name;
        this.type = type;
        this.ids = ids;
    }

    /** The collection's name. */
    public String name() {
        return name;
    }

    /** The document type. */
    public Class<T> type() {
        return type;
    }

    /** How ids are stored. */
    public IdType ids() {
        return ids;
    }

    /** The same collection with ids stored as {@code idType} (seed 002's free-form ids: {@link IdType#STRING}). */
    public Collection<T> withIds(IdType idType) {
        return new Collection<>(db, name, type, idType);
    }

    /** The same collection, documents as {@code other}. */
    public <R> Collection<R> as(Class<R> other) {
        return new Collection<>(db, name, other, ids);
    }

    // ---- reading

    /** Every document (build on with sort, skip, limit, then list or iterate). */
    public Find<T> find() {
        return find(Filter.all());
    }

    /** The documents {@code filter} matches. */
    public Find<T> find(Filter filter) {
        return new Find<>(this, filter, Optional.empty(), Optional.empty(), 0, 0);
    }

    /** The first document {@code filter} matches. */
    public Optional<T> findOne(Filter filter) {
        return find(filter).first();
    }

    /** {@link #findOne} as a stage. */
    public CompletionStage<Optional<T>> findOneAsync(Filter filter) {
        return find(filter).firstAsync();
    }

    /** The document with this id; a malformed ObjectId is an {@link InvalidIdException} (400). */
    public Optional<T> findById(String id) {
        return findOne(Filter.id(id));
    }

    /** {@link #findById} as a stage. */
    public CompletionStage<Optional<T>> findByIdAsync(String id) {
        return findOneAsync(Filter.id(id));
    }

    /** How many documents {@code filter} matches, counted exactly. */
    public long count(Filter filter) {
        return Tulip.await(countAsync(filter));
    }

    /** {@link #count} as a stage. */
    public CompletionStage<Long> countAsync(Filter filter) {
        return call(() -> Publishers.one(driver().countDocuments(render(filter))));
    }

    /** The collection's size from its metadata: fast, and may be off after an unclean shutdown. */
    public long estimatedCount() {
        return Tulip.await(estimatedCountAsync());
    }

    /** {@link #estimatedCount} as a stage. */
    public CompletionStage<Long> estimatedCountAsync() {
        return call(() -> Publishers.one(driver().estimatedDocumentCount()));
    }

    /** The distinct values of {@code field} among the documents {@code filter} matches. */
    public <V> List<V> distinct(String field, Filter filter, Class<V> valueType) {
        return Tulip.await(distinctAsync(field, filter, valueType));
    }

    /** {@link #distinct} as a stage. */
    public <V> CompletionStage<List<V>> distinctAsync(String field, Filter filter, Class<V> valueType) {
        String path = field.equals("id") ? "_id" : FieldNames.path(field);
        return call(() -> Publishers.list(driver().distinct(path, render(filter), valueType), Integer.MAX_VALUE));
    }

    /** Runs an aggregation pipeline ({@code Aggregates.match(...)}), at most {@code cap} results as {@code resultType}. */
    public <R> List<R> aggregate(List<? extends Bson> pipeline, Class<R> resultType, int cap) {
        return Tulip.await(aggregateAsync(pipeline, resultType, cap));
    }

    /** {@link #aggregate} as a stage. */
    public <R> CompletionStage<List<R>> aggregateAsync(List<? extends Bson> pipeline, Class<R> resultType, int cap) {
        return call(() -> Publishers.list(driver().aggregate(pipeline, resultType), cap));
    }

    // ---- writing

    /** Inserts {@code doc} and returns its id (generated when it has none: an ObjectNode gets it added). */
    public String insertOne(T doc) {
        return Tulip.await(insertOneAsync(doc));
    }

    /** {@link #insertOne} as a stage. */
    public CompletionStage<String> insertOneAsync(T doc) {
        return call(() -> Publishers.one(driver().insertOne(doc)).thenApply(r -> Ids.shown(r.getInsertedId())));
    }

    /** Inserts {@code docs} in order and returns their ids, in the same order. */
    public List<String> insertMany(List<? extends T> docs) {
        return Tulip.await(insertManyAsync(docs));
    }

    /** {@link #insertMany} as a stage. */
    public CompletionStage<List<String>> insertManyAsync(List<? extends T> docs) {
        if (docs.isEmpty()) return CompletableFuture.completedFuture(List.of());
        return call(() -> Publishers.one(driver().insertMany(docs)).thenApply(r -> {
            List<String> out = new ArrayList<>(docs.size());
            new TreeMap<>(r.getInsertedIds()).values().forEach(id -> out.add(Ids.shown(id)));
            return out;
        }));
    }

    /** Replaces the document {@code filter} matches; does nothing when none does. */
    public WriteResult replaceOne(Filter filter, T doc) {
        return Tulip.await(replaceOneAsync(filter, doc, false));
    }

    /** Replaces the matching document, or inserts {@code doc}: {@link WriteResult#inserted()} tells which. */
    public WriteResult upsert(Filter filter, T doc) {
        return Tulip.await(replaceOneAsync(filter, doc, true));
    }

    /** {@link #replaceOne} ({@code upsert} false) or {@link #upsert} as a stage. */
    public CompletionStage<WriteResult> replaceOneAsync(Filter filter, T doc, boolean upsert) {
        return call(() -> Publishers.one(driver().replaceOne(render(filter), doc, new ReplaceOptions().upsert(upsert)))
                .thenApply(Collection::result));
    }

    /** Applies {@code update} ({@code Updates.set("n", 1)}) to the first matching document. */
    public WriteResult updateOne(Filter filter, Bson update) {
        return Tulip.await(updateOneAsync(filter, update));
    }

    /** {@link #updateOne} as a stage. */
    public CompletionStage<WriteResult> updateOneAsync(Filter filter, Bson update) {
        return call(() -> Publishers.one(driver().updateOne(render(filter), update, new UpdateOptions()))
                .thenApply(Collection::result));
    }

    /** Applies {@code update} to every matching document. */
    public WriteResult updateMany(Filter filter, Bson update) {
        return Tulip.await(updateManyAsync(filter, update));
    }

    /** {@link #updateMany} as a stage. */
    public CompletionStage<WriteResult> updateManyAsync(Filter filter, Bson update) {
        return call(() -> Publishers.one(driver().updateMany(render(filter), update, new UpdateOptions()))
                .thenApply(Collection::result));
    }

    /** Deletes the first matching document; returns how many were deleted (0 or 1). */
    public long deleteOne(Filter filter) {
        return Tulip.await(deleteOneAsync(filter));
    }

    /** {@link #deleteOne} as a stage. */
    public CompletionStage<Long> deleteOneAsync(Filter filter) {
        return call(() -> Publishers.one(driver().deleteOne(render(filter))).thenApply(r -> r.getDeletedCount()));
    }

    /** Deletes every matching document; returns how many. */
    public long deleteMany(Filter filter) {
        return Tulip.await(deleteManyAsync(filter));
    }

    /** {@link #deleteMany} as a stage. */
    public CompletionStage<Long> deleteManyAsync(Filter filter) {
        return call(() -> Publishers.one(driver().deleteMany(render(filter))).thenApply(r -> r.getDeletedCount()));
    }

    /**
     * Runs several writes in one round trip ({@code new InsertOneModel<>(doc)},
     * {@code new UpdateOneModel<>(filter, update)}, ...), in order unless {@code ordered} is false.
     */
    public BulkResult bulkWrite(List<? extends WriteModel<? extends T>> writes, boolean ordered) {
        return Tulip.await(bulkWriteAsync(writes, ordered));
    }

    /** {@link #bulkWrite} as a stage. */
    public CompletionStage<BulkResult> bulkWriteAsync(List<? extends WriteModel<? extends T>> writes, boolean ordered) {
        return call(() -> Publishers.one(driver().bulkWrite(writes, new BulkWriteOptions().ordered(ordered)))
                .thenApply(r -> {
                    Map<Integer, String> upserts = new TreeMap<>();
                    r.getUpserts().forEach(u -> upserts.put(u.getIndex(), Ids.shown(u.getId())));
                    return new BulkResult(
                            r.getInsertedCount(),
                            r.getMatchedCount(),
                            r.getModifiedCount(),
                            r.getDeletedCount(),
                            upserts);
                }));
    }

    /** Drops the collection. */
    public void drop() {
        Tulip.await(call(() -> Publishers.list(driver().drop(), 1)));
    }

    // ---- indexes

    /** Creates an index ({@code Indexes.ascending("email")}, {@code new IndexOptions().unique(true)}); returns its name. */
    public String createIndex(Bson keys, IndexOptions options) {
        return Tulip.await(call(() -> Publishers.one(driver().createIndex(keys, options))));
    }

    /** The collection's indexes, as the server describes them. */
    public List<ObjectNode> indexes() {
        return Tulip.await(call(() -> Publishers.list(driver().listIndexes(ObjectNode.class), Integer.MAX_VALUE)));
    }

    /** Drops the index {@code indexName}. */
    public void dropIndex(String indexName) {
        Tulip.await(call(() -> Publishers.list(driver().dropIndex(indexName), 1)));
    }

    // ---- change streams

    /**
     * The changes to this collection from now on, read one by one on this (virtual) thread; close
     * the cursor to stop. Needs a server with change streams (a replica set; the embedded server
     * with its oplog on).
     */
    public Cursor<Change<T>> watch() {
        return new BlockingCursor<>(changes(), 1);
    }

    /** The changes as a reactive-streams publisher, for code that consumes them asynchronously. */
    public Publisher<Change<T>> changes() {
        return new Mapped<>(
                driver().watch(type).fullDocument(FullDocument.UPDATE_LOOKUP),
                c -> new Change<>(
                        c.getOperationTypeString(),
                        Optional.ofNullable(c.getDocumentKey())
                                .map(k -> k.get("_id"))
                                .map(Ids::shown),
                        Optional.ofNullable(c.getFullDocument())));
    }

    // ---- plumbing

    Bson render(Filter filter) {
        return filter.toBsonDocument(BsonDocument.class, driver().getCodecRegistry());
    }

    MongoCollection<T> driver() {
        Object client = db.driverKey();
        MongoCollection<T> c = cached;
        if (c != null && cachedFor == client) return c;
        c = db.driver().getCollection(name, type).withCodecRegistry(Codecs.registry(ids));
        cached = c;
        cachedFor = client;
        return c;
    }

    private static <R> CompletionStage<R> call(Supplier<CompletionStage<R>> op) {
        try {
            return op.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(Failures.translate(e));
        }
    }

    private static WriteResult result(UpdateResult r) {
        return new WriteResult(
                r.getMatchedCount(),
                r.getModifiedCount(),
                Optional.ofNullable(r.getUpsertedId()).map(Ids::shown));
    }
}
