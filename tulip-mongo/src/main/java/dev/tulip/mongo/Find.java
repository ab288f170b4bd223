package dev.tulip.mongo;

import com.mongodb.reactivestreams.client.FindPublisher;
import dev.tulip.Tulip;
import dev.tulip.mongo.internal.BlockingCursor;
import dev.tulip.mongo.internal.Publishers;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import org.bson.conversions.Bson;
import org.reactivestreams.FlowAdapters;

/**
 * A query being built: {@code coll.find(filter).sort(Sorts.ascending("ta")).skip(10).limit(20)},
 * then read as a capped list ({@link #list(int)}, motor's {@code to_list(20)}), one by one with
 * back-pressure ({@link #cursor()}, motor's {@code async for}), or its first document. Immutable:
 * each setter returns a new query.
 */
public final class Find<T> {
    private static final int BATCH = 101; // the server's own first batch

    private final Collection<T> coll;
    private final Filter filter;
    private final Optional<Bson> projection;
    private final Optional<Bson> sort;
    private final int skip;
    private final int limit;

    Find(Collection<T> coll, Filter filter, Optional<Bson> projection, Optional<Bson> sort, int skip, int limit) {
        this.coll = coll;
        this.filter = filter;
        this.projection = projection;
        this.sort = sort;
        this.skip = skip;
        this.limit = limit;
    }

    /** Only these fields ({@code Projections.include("name")}); {@code id} is always there unless excluded. */
    public Find<T> projection(Bson fields) {
        return new Find<>(coll, filter, Optional.of(fields), sort, skip, limit);
    }

    /** The order ({@code Sorts.descending("ta")}); field names from users go through {@link Filter#userField}. */
    public Find<T> sort(Bson order) {
        return new Find<>(coll, filter, projection, Optional.of(order), skip, limit);
    }

    /** Skips the first {@code n} documents. */
    public Find<T> skip(int n) {
        if (n < 0) throw new IllegalArgumentException("skip must be >= 0, got " + n);
        return new Find<>(coll, filter, projection, sort, n, limit);
    }

    /** At most {@code n} documents (0: no limit). */
    public Find<T> limit(int n) {
        if (n < 0) throw new IllegalArgumentException("limit must be >= 0, got " + n);
        return new Find<>(coll, filter, projection, sort, skip, n);
    }

    /** At most {@code cap} documents, in one list. */
    public List<T> list(int cap) {
        return Tulip.await(listAsync(cap));
    }

    /** {@link #list(int)} as a stage. */
    public CompletionStage<List<T>> listAsync(int cap) {
        try {
            return Publishers.list(publisher(cap), cap);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The first document, if any. */
    public Optional<T> first() {
        return Tulip.await(firstAsync());
    }

    /** {@link #first()} as a stage. */
    public CompletionStage<Optional<T>> firstAsync() {
        try {
            return Publishers.first(publisher(1));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The documents one by one on this (virtual) thread; close it to stop early. */
    public Cursor<T> cursor() {
        return new BlockingCursor<>(publisher(0), BATCH);
    }

    /** Calls {@code each} for every document (on the driver's thread: do not block in it); completes with the count. */
    public CompletionStage<Long> forEachAsync(Consumer<? super T> each) {
        try {
            return Publishers.forEach(publisher(0), Long.MAX_VALUE, BATCH, each);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The documents as a {@link Flow.Publisher}, with the subscriber's own back-pressure. */
    public Flow.Publisher<T> publisher() {
        return FlowAdapters.toFlowPublisher(publisher(0));
    }

    private FindPublisher<T> publisher(int cap) {
        FindPublisher<T> p = coll.driver().find(coll.render(filter), coll.type());
        projection.ifPresent(p::projection);
        sort.ifPresent(p::sort);
        if (skip > 0) p.skip(skip);
        int n = limit == 0 ? cap : cap == 0 ? limit : Math.min(limit, cap);
        if (n > 0) p.limit(n).batchSize(Math.min(n, BATCH));
        return p;
    }
}
