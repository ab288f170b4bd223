package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncQueueTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void itemsComeOutInTheOrderTheyWentIn() throws Exception {
        var queue = new AsyncQueue<String>(3);
        queue.put("a");
        queue.putAsync("b").get(10, TimeUnit.SECONDS);
        queue.offer("c");

        assertThat(List.of(
                        queue.take(),
                        queue.takeAsync().get(10, TimeUnit.SECONDS),
                        queue.poll().orElseThrow()))
                .containsExactly("a", "b", "c");
    }

    @Test
    void aQueueNeedsRoomForAtLeastOneItem() {
        assertThatThrownBy(() -> new AsyncQueue<String>(0)).hasMessageContaining("at least 1");
    }

    @Test
    void aFullQueueRefusesAnOfferAndHoldsNoMoreThanItsCapacity() {
        var queue = new AsyncQueue<Integer>(2);

        assertThat(queue.offer(1)).isTrue();
        assertThat(queue.offer(2)).isTrue();
        assertThat(queue.offer(3)).isFalse();
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void aTimedPutOnAFullQueueRunsOutOfTimeAndAddsNothing() throws Exception {
        var queue = new AsyncQueue<Integer>(1);
        queue.put(1);

        assertThatThrownBy(() -> queue.put(2, Duration.ofMillis(20)))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("AsyncQueue.put did not finish within 20ms");
        assertThat(queue.poll()).contains(1);
        assertThat(queue.poll()).isEmpty();
    }

    @Test
    void aTimedTakeOnAnEmptyQueueRunsOutOfTime() {
        var queue = new AsyncQueue<Integer>(1);

        assertThatThrownBy(() -> queue.take(Duration.ofMillis(20)))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("AsyncQueue.take");
    }

    @Test
    void aFullQueueDefersAnAsyncPutUntilATakeMakesRoom() throws Exception {
        var queue = new AsyncQueue<Integer>(1);
        queue.put(1);

        CompletableFuture<Void> put = queue.putAsync(2);
        assertThat(put).isNotDone();
        assertThat(queue.take()).isEqualTo(1);

        put.get(10, TimeUnit.SECONDS);
        assertThat(queue.poll()).contains(2);
    }

    @Test
    void aFullQueueBlocksAPlainThreadUntilAnAsyncTakeMakesRoom() throws Exception {
        var queue = new AsyncQueue<Integer>(1);
        queue.put(1);
        var started = new CountDownLatch(1);
        var putter = CompletableFuture.runAsync(() -> {
            started.countDown();
            try {
                queue.put(2, WAIT);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(queue.takeAsync().get(10, TimeUnit.SECONDS)).isEqualTo(1);
        putter.get(10, TimeUnit.SECONDS);
        assertThat(queue.takeAsync().get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void plainThreadProducersFeedAsyncConsumers() throws Exception {
        var queue = new AsyncQueue<Integer>(4);
        var got = ConcurrentHashMap.<Integer>newKeySet();
        var all = new CountDownLatch(100);
        for (int c = 0; c < 3; c++) consume(queue, got, all);

        try (var threads = Executors.newFixedThreadPool(2)) {
            for (int p = 0; p < 2; p++) {
                int base = p * 50;
                threads.submit(() -> {
                    for (int i = 0; i < 50; i++) queue.put(base + i, WAIT);
                    return null;
                });
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(got).hasSize(100);
    }

    @Test
    void asyncProducersFeedPlainThreadConsumers() throws Exception {
        var queue = new AsyncQueue<Integer>(4);
        var pending = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0; i < 100; i++) pending.add(queue.putAsync(i)); // most wait for room
        var got = ConcurrentHashMap.<Integer>newKeySet();

        try (var threads = Executors.newFixedThreadPool(2)) {
            for (int c = 0; c < 2; c++) {
                threads.submit(() -> {
                    for (int i = 0; i < 50; i++) got.add(queue.take(WAIT));
                    return null;
                });
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertThat(got).hasSize(100);
    }

    @Test
    void eightProducersOfTenThousandItemsLoseAndDuplicateNothingWithBlockingAndAsyncConsumers() throws Exception {
        int producers = 8, each = 10_000, capacity = 16;
        var queue = new AsyncQueue<Integer>(capacity);
        var got = ConcurrentHashMap.<Integer>newKeySet();
        var takes = new AtomicInteger();
        var overfull = new AtomicBoolean();

        try (var threads = Executors.newFixedThreadPool(producers + 2)) {
            var consumersDone = new CountDownLatch(4);
            for (int c = 0; c < 2; c++) {
                threads.submit(() -> {
                    try {
                        while (true) {
                            got.add(queue.take(WAIT));
                            takes.incrementAndGet();
                            if (queue.size() > capacity) overfull.set(true);
                        }
                    } catch (QueueClosedException closed) {
                        consumersDone.countDown();
                    }
                    return null;
                });
            }
            var hop = Executors.newVirtualThreadPerTaskExecutor();
            for (int c = 0; c < 2; c++) takeAll(queue, got, takes, consumersDone, hop);

            var produced = new ArrayList<java.util.concurrent.Future<?>>();
            for (int p = 0; p < producers; p++) {
                int base = p * each;
                boolean async = p % 2 == 0;
                produced.add(threads.submit(() -> {
                    for (int i = base; i < base + each; i++) {
                        if (async) queue.putAsync(i).get(30, TimeUnit.SECONDS);
                        else queue.put(i, WAIT);
                    }
                    return null;
                }));
            }
            for (var f : produced) f.get(60, TimeUnit.SECONDS);
            queue.close();
            assertThat(consumersDone.await(30, TimeUnit.SECONDS)).isTrue();
            hop.close();
        }
        assertThat(takes).hasValue(producers * each);
        assertThat(got).hasSize(producers * each);
        assertThat(overfull).isFalse();
    }

    @Test
    void aPutAfterCloseSaysTheQueueWasClosed() {
        var queue = new AsyncQueue<Integer>(1);
        queue.close();

        assertThatThrownBy(() -> queue.put(1))
                .isInstanceOf(QueueClosedException.class)
                .hasMessage("put: the queue was closed");
        assertThat(queue.putAsync(1)).isCompletedExceptionally();
        assertThatThrownBy(() -> queue.offer(1)).isInstanceOf(QueueClosedException.class);
    }

    @Test
    void afterCloseTakersGetWhatRemainsThenQueueClosed() throws Exception {
        var queue = new AsyncQueue<Integer>(3);
        queue.put(1);
        queue.put(2);
        queue.close();

        assertThat(queue.take()).isEqualTo(1);
        assertThat(queue.takeAsync().get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThatThrownBy(queue::take).isInstanceOf(QueueClosedException.class);
        assertThatThrownBy(() -> queue.takeAsync().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(QueueClosedException.class);
        assertThat(queue.poll()).isEmpty();
    }

    @Test
    void closeFailsPendingAsyncTakersAndPutters() {
        var empty = new AsyncQueue<Integer>(1);
        var take = empty.takeAsync();
        var full = new AsyncQueue<Integer>(1);
        full.offer(1);
        var put = full.putAsync(2);

        empty.close();
        full.close();

        assertThatThrownBy(() -> take.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(QueueClosedException.class);
        assertThatThrownBy(() -> put.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(QueueClosedException.class);
        assertThat(full.poll()).contains(1);
        assertThat(full.poll()).isEmpty();
    }

    @Test
    void closeWakesABlockedTaker() throws Exception {
        var queue = new AsyncQueue<Integer>(1);
        var started = new CountDownLatch(1);
        var taker = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try {
                return queue.take(WAIT);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        queue.close();

        assertThatThrownBy(() -> taker.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(QueueClosedException.class);
    }

    @Test
    void cancellingAPendingTakeRemovesItsWaiterAndLosesNoItem() throws Exception {
        var queue = new AsyncQueue<String>(1);
        var first = queue.takeAsync();
        var second = queue.takeAsync();

        assertThat(first.cancel(false)).isTrue();
        queue.put("a");

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("a");
    }

    @Test
    void cancellingAPendingPutAddsNothing() throws Exception {
        var queue = new AsyncQueue<String>(1);
        queue.put("a");
        var put = queue.putAsync("b");

        assertThat(put.cancel(false)).isTrue();

        assertThat(queue.take()).isEqualTo("a");
        assertThat(queue.poll()).isEmpty();
    }

    @Test
    void aPendingTakeThatTimesOutTakesNothing() throws Exception {
        var queue = new AsyncQueue<String>(1);
        var gaveUp = queue.takeAsync().orTimeout(10, TimeUnit.MILLISECONDS);
        assertThatThrownBy(() -> gaveUp.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        queue.put("a");

        assertThat(queue.poll()).contains("a");
    }

    @Test
    void aTakeAlreadyServedCannotBeCancelled() throws Exception {
        var queue = new AsyncQueue<String>(1);
        var take = queue.takeAsync();
        queue.put("a");

        assertThat(take.cancel(false)).isFalse();
        assertThat(take.get(10, TimeUnit.SECONDS)).isEqualTo("a");
    }

    @Test
    void waitingTakersAreServedInTheOrderTheyCame() throws Exception {
        var queue = new AsyncQueue<Integer>(1);
        var takes = List.of(queue.takeAsync(), queue.takeAsync(), queue.takeAsync());

        for (int i = 1; i <= 3; i++) queue.put(i);

        assertThat(takes).extracting(CompletableFuture::join).containsExactly(1, 2, 3);
    }

    @Test
    void waitingPuttersAreServedInTheOrderTheyCame() throws Exception {
        var queue = new AsyncQueue<Integer>(1);
        queue.put(0);
        var puts = List.of(queue.putAsync(1), queue.putAsync(2), queue.putAsync(3));

        var out = new ArrayList<Integer>();
        for (int i = 0; i < 4; i++) out.add(queue.take(WAIT));

        assertThat(out).containsExactly(0, 1, 2, 3);
        assertThat(puts).allMatch(CompletableFuture::isDone);
    }

    @Test
    void anInterruptedTakeTakesNothing() throws Exception {
        var queue = new AsyncQueue<String>(1);
        var failure = new CompletableFuture<Throwable>();
        var taker = Thread.ofVirtual().start(() -> {
            try {
                queue.take(WAIT);
                failure.complete(null);
            } catch (Throwable t) {
                failure.complete(t);
            }
        });
        taker.interrupt();
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);

        queue.put("a");

        assertThat(queue.poll()).contains("a");
    }

    @Test
    void aBlockingTakeOnAnEventLoopIsRefused() throws Exception {
        var queue = new AsyncQueue<String>(1);
        var loop = new DefaultEventLoop();
        try {
            var refused = loop.submit(() -> {
                        try {
                            queue.take(Duration.ofMillis(1));
                            return Optional.<Throwable>empty();
                        } catch (Throwable t) {
                            return Optional.of(t);
                        }
                    })
                    .get(10, TimeUnit.SECONDS);

            assertThat(refused)
                    .get()
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("would block the event loop")
                    .hasMessageContaining("takeAsync");
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    /** Takes asynchronously until the queue is closed, each take after the previous on {@code hop}. */
    private static void takeAll(
            AsyncQueue<Integer> queue,
            Set<Integer> got,
            AtomicInteger takes,
            CountDownLatch done,
            java.util.concurrent.Executor hop) {
        queue.takeAsync()
                .whenCompleteAsync(
                        (item, failure) -> {
                            if (failure != null) {
                                done.countDown();
                                return;
                            }
                            got.add(item);
                            takes.incrementAndGet();
                            takeAll(queue, got, takes, done, hop);
                        },
                        hop);
    }

    private static void consume(AsyncQueue<Integer> queue, Set<Integer> got, CountDownLatch each) {
        queue.takeAsync().thenAcceptAsync(item -> {
            got.add(item);
            each.countDown();
            consume(queue, got, each);
        });
    }
}
