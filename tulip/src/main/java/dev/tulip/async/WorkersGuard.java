package dev.tulip.async;

import dev.tulip.internal.Loops;

/** The package's refusal to block an event loop, with a message that says what to do instead. */
final class WorkersGuard {
    private WorkersGuard() {}

    /** Throws if the caller is an event loop, which {@code call} would block; {@code instead} says what to do. */
    static void refuseOnEventLoop(String call, String instead) {
        if (Loops.onEventLoop()) { // an app's loop, or a Bridge's
            throw new IllegalStateException(call + " would block the event loop "
                    + Thread.currentThread().getName() + ", stalling everything on it; " + instead);
        }
    }
}
