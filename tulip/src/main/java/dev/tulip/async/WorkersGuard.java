package dev.tulip.async;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.internal.ThreadExecutorMap;

/** The one check of this package that a blocking call is not made on an event loop. */
final class WorkersGuard {
    private WorkersGuard() {}

    /** Whether the calling thread is a Netty event loop (an app's, or a {@link Bridge}'s). */
    static boolean onEventLoop() {
        // Loop threads are FastThreadLocalThreads; testing that first keeps the thread-local lookup
        // off virtual threads, where it would create a map per thread.
        return Thread.currentThread() instanceof FastThreadLocalThread
                && ThreadExecutorMap.currentExecutor() instanceof EventLoop;
    }

    /** Throws if the caller is an event loop, which {@code call} would block; {@code instead} says what to do. */
    static void refuseOnEventLoop(String call, String instead) {
        if (onEventLoop()) {
            throw new IllegalStateException(call + " would block the event loop "
                    + Thread.currentThread().getName() + ", stalling everything on it; " + instead);
        }
    }
}
