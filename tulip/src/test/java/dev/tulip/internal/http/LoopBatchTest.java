package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopBatchTest {
    private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final LoopBatch batch = new LoopBatch(loop, Thread.ofVirtual().factory());

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void everyPostedTaskRunsOnceOnTheLoopInPostingOrderPerThread() throws Exception {
        int threads = 4, perThread = 5_000;
        AtomicInteger offLoop = new AtomicInteger();
        int[] lastSeen = new int[threads];
        java.util.Arrays.fill(lastSeen, -1);
        AtomicInteger outOfOrder = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(threads * perThread);
        List<Thread> posters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            posters.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    int n = i;
                    assertThat(batch.post(() -> {
                                if (!loop.inEventLoop()) offLoop.incrementAndGet();
                                if (lastSeen[id] != n - 1) outOfOrder.incrementAndGet();
                                lastSeen[id] = n;
                                all.countDown();
                            }))
                            .isTrue();
                }
            }));
        }
        for (Thread p : posters) p.join();
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(offLoop).hasValue(0);
        assertThat(outOfOrder).hasValue(0);
    }

    @Test
    void threadsHandedToStartInOneIterationAllRun() throws Exception {
        int n = 50;
        CountDownLatch ran = new CountDownLatch(n);
        loop.execute(() -> {
            for (int i = 0; i < n; i++) batch.start(Thread.ofVirtual().unstarted(ran::countDown));
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void resultsOfABatchReachTheLoopWhetherTheirHandlerFinishesAtOnceOrBlocksFirst() throws Exception {
        CountDownLatch quickDone = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowDone = new CountDownLatch(1);
        LoopBatch.Wake[] wakes = new LoopBatch.Wake[2];
        CountDownLatch wakesSet = new CountDownLatch(1);
        Thread quick = Thread.ofVirtual().unstarted(() -> {
            awaitQuietly(wakesSet);
            batch.post(quickDone::countDown, wakes[0]);
        });
        Thread slow = Thread.ofVirtual().unstarted(() -> {
            awaitQuietly(wakesSet);
            awaitQuietly(release); // blocks long after its batch was started
            batch.post(slowDone::countDown, wakes[1]);
        });
        loop.execute(() -> {
            wakes[0] = batch.start(quick);
            wakes[1] = batch.start(slow);
            wakesSet.countDown();
        });
        assertThat(quickDone.await(10, TimeUnit.SECONDS))
                .as("woken by the batch's starter")
                .isTrue();
        release.countDown();
        assertThat(slowDone.await(10, TimeUnit.SECONDS))
                .as("woken by the late handler itself")
                .isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void postingAfterTheLoopStoppedReportsFalse() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        assertThat(batch.post(() -> {})).isFalse();
    }
}
