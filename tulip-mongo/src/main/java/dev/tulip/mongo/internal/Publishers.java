package dev.tulip.mongo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The driver's publishers as completion stages, every failure translated by {@link Failures}. */
public final class Publishers {
    private Publishers() {}

    /** The first item, or empty; the subscription is cancelled after it. */
    public static <T> CompletionStage<Optional<T>> first(Publisher<T> publisher) {
        return list(publisher, 1).thenApply(items -> items.isEmpty() ? Optional.empty() : Optional.of(items.get(0)));
    }

    /** The one item a single-result publisher emits (an insert's result, a count). */
    public static <T> CompletionStage<T> one(Publisher<T> publisher) {
        return first(publisher)
                .thenApply(o -> o.orElseThrow(() -> new IllegalStateException("no result from MongoDB")));
    }

    /** At most {@code cap} items, requested in one go; the subscription is cancelled at the cap. */
    public static <T> CompletionStage<List<T>> list(Publisher<T> publisher, int cap) {
        if (cap < 0) throw new IllegalArgumentException("cap must be >= 0, got " + cap);
        List<T> out = new ArrayList<>(Math.min(cap, 256));
        if (cap == 0) return CompletableFuture.completedFuture(out);
        return forEach(publisher, cap, cap, out::add).thenApply(n -> out);
    }

    /**
     * Calls {@code each} for every item, up to {@code cap}, requesting {@code batch} at a time
     * (back-pressure: the driver fetches more only as these are consumed); completes with the count.
     */
    public static <T> CompletionStage<Long> forEach(
            Publisher<T> publisher, long cap, int batch, Consumer<? super T> each) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<T>() {
            private Subscription subscription;
            private long seen;
            private long requested;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                requested = Math.min(batch, cap);
                s.request(requested);
            }

            @Override
            public void onNext(T item) {
                if (done.isDone()) return;
                try {
                    each.accept(item);
                } catch (Throwable t) {
                    subscription.cancel();
                    done.completeExceptionally(t);
                    return;
                }
                seen++;
                if (seen == cap) {
                    subscription.cancel();
                    done.complete(seen);
                } else if (seen == requested) {
                    long more = Math.min(batch, cap - seen);
                    requested += more;
                    subscription.request(more);
                }
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(Failures.translate(t));
            }

            @Override
            public void onComplete() {
                done.complete(seen);
            }
        });
        return done;
    }
}
