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
 * several at once from one virtual thread. Results come back through one queue. A handler that
 * finishes while its batch is still being run only queues its result; the starting thread, once
 * it has yielded behind the handlers, wakes the loop for all of them. A handler that finishes
 * later (it blocked) wakes the loop itself.
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

    LoopBatch(EventLoop loop, ThreadFactory threads) {
        this.loop = loop;
        this.threads = threads;
    }

    /** Whether the results of a batch must wake the loop themselves. */
    static final class Wake {
        volatile boolean fired;

        Wake(boolean fired) {
            this.fired = fired;
        }
    }

    private static final Wake FIRED = new Wake(true);

    private Wake pendingWake; // loop thread only: the wake of the batch being collected

    /** Starts {@code t} at the end of this loop iteration and returns the wake its result should use; on the loop. */
    Wake start(Thread t) {
        if (pendingWake == null) pendingWake = new Wake(false);
        toStart.add(t);
        if (!startScheduled) {
            startScheduled = true;
            if (loop instanceof SingleThreadEventLoop st) st.executeAfterEventLoopIteration(startAll);
            else loop.execute(startAll);
        }
        return pendingWake;
    }

    private void startAll() {
        startScheduled = false;
        Wake wake = pendingWake;
        pendingWake = null;
        int n = toStart.size();
        if (n == 1) {
            wake.fired = true; // nothing to batch: the result wakes the loop itself
            toStart.getFirst().start();
        } else if (n > 1) {
            Thread[] batch = toStart.toArray(new Thread[0]);
            threads.newThread(() -> {
                        for (Thread t : batch) t.start();
                        Thread.yield(); // run behind the handlers just started
                        wake.fired = true;
                        if (!results.isEmpty()) scheduleDrain();
                    })
                    .start();
        }
        toStart.clear();
    }

    /**
     * Runs {@code task} on the loop soon; callable from any thread. With a {@code wake} that has
     * not fired, the batch's starter wakes the loop later. False if the loop has stopped.
     */
    boolean post(Runnable task, Wake wake) {
        results.add(task);
        return wake != null && !wake.fired || scheduleDrain();
    }

    /** Runs {@code task} on the loop soon, waking it; callable from any thread. False if the loop has stopped. */
    boolean post(Runnable task) {
        return post(task, FIRED);
    }

    private boolean scheduleDrain() {
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
