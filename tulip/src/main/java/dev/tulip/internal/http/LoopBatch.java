package dev.tulip.internal.http;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Batches the hand-offs between one event loop and the virtual threads that run its handlers,
 * so that a busy loop wakes the scheduler and is woken by it about once per batch rather than
 * once per request (on a small machine each wake is a context switch).
 *
 * <p>Handler threads are started at the end of the loop iteration that read their requests,
 * several at once from one virtual thread. Results come back through one queue; only the first
 * result of a batch schedules a task on the loop, which then completes every queued result.
 */
final class LoopBatch {
    private final EventLoop loop;
    private final ThreadFactory threads;
    private final ArrayList<Thread> toStart = new ArrayList<>(); // loop thread only
    private boolean startScheduled; // loop thread only
    private final Runnable startAll = this::startAll;
    private final ConcurrentLinkedQueue<Runnable> results = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    /** The loop's buffer for input that a connection parses completely within one read. */
    private io.netty.buffer.ByteBuf scratchInput; // loop thread only

    LoopBatch(EventLoop loop, ThreadFactory threads) {
        this.loop = loop;
        this.threads = threads;
    }

    /** Starts {@code t} at the end of this loop iteration; called on the loop. */
    void start(Thread t) {
        toStart.add(t);
        if (!startScheduled) {
            startScheduled = true;
            if (loop instanceof SingleThreadEventLoop st) st.executeAfterEventLoopIteration(startAll);
            else loop.execute(startAll);
        }
    }

    private void startAll() {
        startScheduled = false;
        int n = toStart.size();
        if (n == 1) {
            toStart.getFirst().start();
        } else if (n > 1) {
            Thread[] batch = toStart.toArray(new Thread[0]);
            threads.newThread(() -> {
                        for (Thread t : batch) t.start();
                    })
                    .start();
        }
        toStart.clear();
    }

    /** The loop's shared input buffer, emptied; only for use within one {@code channelRead}. */
    io.netty.buffer.ByteBuf scratchInput(int atLeast) {
        io.netty.buffer.ByteBuf b = scratchInput;
        if (b == null) scratchInput = b = io.netty.buffer.Unpooled.buffer(Math.max(16 * 1024, atLeast));
        return b.clear();
    }

    boolean isScratch(io.netty.buffer.ByteBuf b) {
        return b == scratchInput;
    }

    /** Runs {@code task} on the loop soon; callable from any thread. False if the loop has stopped. */
    boolean post(Runnable task) {
        results.add(task);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                loop.execute(drain);
            } catch (RejectedExecutionException e) {
                results.clear();
                return false;
            }
        }
        return true;
    }

    private void drain() {
        drainScheduled.set(false);
        Runnable r;
        while ((r = results.poll()) != null) r.run();
    }
}
