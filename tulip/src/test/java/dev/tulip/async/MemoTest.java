package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MemoTest {

    /** A loader that counts its loads per key and returns "value of KEY #N". */
    private static final class Counting implements Memo.Loader<String, String> {
        final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

        @Override
        public String load(String key) throws Exception {
            int n = loads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return key + " #" + n;
        }

        int loads(String key) {
            var n = loads.get(key);
            return n == null ? 0 : n.get();
        }
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock implements InstantSource {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    @Test
    void aThousandConcurrentCallersComputeEachKeyOnce() throws Exception {
        int callers = 1000;
        List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        var calling = new CountDownLatch(callers);
        var go = new CountDownLatch(1);
        var loads = new ConcurrentHashMap<String, AtomicInteger>();
        Memo<String, String> memo = Memo.of(key -> {
            loads.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            calling.await(10, TimeUnit.SECONDS); // stay in flight until every caller has asked
            return "value of " + key;
        });
        var results = new ConcurrentHashMap<Integer, String>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                calling.countDown();
                results.put(n, memo.get(keys.get(n % keys.size())));
            }));
        }
        go.countDown();
        for (Thread t : threads) t.join(Duration.ofSeconds(20));

        assertThat(results).hasSize(callers);
        results.forEach((n, v) -> assertThat(v).isEqualTo("value of " + keys.get(n % keys.size())));
        assertThat(loads.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(loads.values()).allSatisfy(c -> assertThat(c).hasValue(1));
    }

    @Test
    void asyncCallersShareTheLoadStillRunning() throws Exception {
        var release = new CountDownLatch(1);
        var loads = new AtomicInteger();
        Memo<String, String> memo = Memo.of(key -> {
            loads.incrementAndGet();
            release.await();
            return key.toUpperCase();
        });
        var first = memo.getAsync("k");
        var second = memo.getAsync("k");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("K");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("K");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aBoundedMemoSharesALoadStillRunningToo() throws Exception {
        var release = new CountDownLatch(1);
        var loads = new AtomicInteger();
        Memo<String, String> memo = Memo.of(
                key -> {
                    loads.incrementAndGet();
                    release.await();
                    return key.toUpperCase();
                },
                o -> o.maxSize(10));
        var first = memo.getAsync("k");
        var second = memo.getAsync("k");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("K");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("K");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aBoundedMemoForgetsAFailureAndExpiresAValueToo() {
        var clock = new ManualClock();
        var attempts = new AtomicInteger();
        Memo<String, String> memo = Memo.of(
                key -> {
                    if (attempts.incrementAndGet() == 1) throw new IllegalStateException("down");
                    return "v" + attempts.get();
                },
                o -> o.maxSize(10).expireAfter(Duration.ofMinutes(1)).clock(clock));
        assertThatThrownBy(() -> memo.get("k")).hasMessage("down");
        assertThat(memo.get("k")).isEqualTo("v2");
        assertThat(memo.get("k")).isEqualTo("v2");
        clock.advance(Duration.ofMinutes(1));
        assertThat(memo.get("k")).isEqualTo("v3");
    }

    @Test
    void aValueIsKeptUntilItExpiresOnTheGivenClock() {
        var clock = new ManualClock();
        var loader = new Counting();
        var memo = Memo.of(loader, o -> o.expireAfter(Duration.ofMinutes(1)).clock(clock));
        assertThat(memo.get("k")).isEqualTo("k #1");
        clock.advance(Duration.ofSeconds(59));
        assertThat(memo.get("k")).isEqualTo("k #1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(memo.get("k")).isEqualTo("k #2");
        assertThat(loader.loads("k")).isEqualTo(2);
    }

    @Test
    void withoutExpiryAValueIsKeptWhateverTheClockSays() {
        var loader = new Counting();
        var memo = Memo.of(loader);
        memo.get("k");
        assertThat(memo.get("k")).isEqualTo("k #1");
        assertThat(loader.loads("k")).isEqualTo(1);
    }

    @Test
    void pastMaxSizeTheLeastRecentlyUsedKeyIsForgotten() {
        var loader = new Counting();
        var memo = Memo.of(loader, o -> o.maxSize(2));
        memo.get("a");
        memo.get("b");
        memo.get("a"); // a is now more recent than b
        memo.get("c"); // pushes b out
        assertThat(memo.size()).isEqualTo(2);
        assertThat(memo.get("a")).isEqualTo("a #1");
        assertThat(memo.get("c")).isEqualTo("c #1");
        assertThat(memo.get("b")).isEqualTo("b #2");
    }

    @Test
    void aFailureIsNotRememberedAndTheNextCallerLoadsAgain() {
        var attempts = new AtomicInteger();
        Memo<String, String> memo = Memo.of(key -> {
            if (attempts.incrementAndGet() == 1) throw new IllegalStateException("database down");
            return "ok";
        });
        assertThatThrownBy(() -> memo.get("k"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");
        assertThat(memo.get("k")).isEqualTo("ok");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCheckedFailureIsWrappedInTaskFailedExceptionNamingTheKey() {
        var io = new IOException("no disk");
        Memo<String, String> memo = Memo.of(key -> {
            throw io;
        });
        assertThatThrownBy(() -> memo.get("report"))
                .isInstanceOf(TaskFailedException.class)
                .hasMessage("the memo's load of report failed: java.io.IOException: no disk")
                .hasCause(io);
    }

    @Test
    void aCancelledAsyncCallerDoesNotCancelTheLoadForTheOthers() throws Exception {
        var release = new CountDownLatch(1);
        var interrupted = new AtomicBoolean();
        Memo<String, String> memo = Memo.of(key -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return "shared";
        });
        var leaving = memo.getAsync("k");
        var staying = memo.getAsync("k");
        leaving.cancel(true);
        release.countDown();
        assertThat(staying.get(10, TimeUnit.SECONDS)).isEqualTo("shared");
        assertThat(leaving).isCancelled();
        assertThat(interrupted).isFalse();
        assertThat(memo.get("k")).isEqualTo("shared");
    }

    @Test
    void anInterruptedBlockingCallerGetsCancellationAndTheLoadGoesOn() throws Exception {
        var loading = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var loads = new AtomicInteger();
        Memo<String, String> memo = Memo.of(key -> {
            loads.incrementAndGet();
            loading.countDown();
            release.await();
            return "shared";
        });
        var thrown = new AtomicReference<Throwable>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                memo.get("k");
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasMessageContaining("load of k");
        release.countDown();
        assertThat(memo.get("k")).isEqualTo("shared");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aCallerWithADeadlineGivesUpWhileTheLoadGoesOnForTheOthers() throws Exception {
        var release = new CountDownLatch(1);
        Memo<String, String> memo = Memo.of(key -> {
            release.await();
            return "late";
        });
        var other = memo.getAsync("k");
        assertThatThrownBy(() -> memo.get("k", Duration.ofMillis(50)))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessage("the memo's load of k did not finish within 50ms");
        release.countDown();
        assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("late");
    }

    @Test
    void invalidateMakesTheNextCallerLoadAgain() {
        var loader = new Counting();
        var memo = Memo.of(loader);
        memo.get("k");
        memo.invalidate("k");
        assertThat(memo.get("k")).isEqualTo("k #2");
        memo.invalidateAll();
        assertThat(memo.size()).isZero();
    }

    @Test
    void anAsyncLoaderIsSharedLikeABlockingOne() throws Exception {
        var pending = new CompletableFuture<String>();
        var loads = new AtomicInteger();
        Memo<String, String> memo = Memo.ofAsync(key -> {
            loads.incrementAndGet();
            return pending;
        });
        var a = memo.getAsync("k");
        var b = memo.getAsync("k");
        pending.complete("done");
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(loads).hasValue(1);
    }

    @Test
    void theLoaderRunsOnAVirtualThread() {
        Memo<String, Boolean> memo = Memo.of(key -> Thread.currentThread().isVirtual());
        assertThat(memo.get("k")).isTrue();
    }
}
