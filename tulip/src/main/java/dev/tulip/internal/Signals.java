package dev.tulip.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;

/**
 * SIGTERM/SIGINT handling for {@link dev.tulip.Tulip#run}: the first signal starts a graceful
 * stop on the main thread (so the exit code can reflect the drain); a second one exits at once.
 * Signal handlers rather than a shutdown hook, because a hook cannot choose the exit status.
 *
 * <p>Signal handlers are JVM-wide, so this holds the one piece of static state in Tulip: whether
 * an app already runs with {@code run}. A second one is refused (it would replace the first app's
 * handlers, and both would exit the JVM); apps that share a JVM use {@code start}/{@code stop}.
 */
public final class Signals {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private final CountDownLatch signalled = new CountDownLatch(1);

    private Signals() {}

    /**
     * Handles SIGTERM and SIGINT from now on. Install before the server starts, so a signal that
     * arrives while it starts (or just after) is not met by the JVM's default handler, which would
     * exit without draining.
     */
    public static Signals install() {
        if (!INSTALLED.compareAndSet(false, true)) {
            throw new IllegalStateException("another app in this JVM already called Tulip.run, which owns SIGTERM "
                    + "and SIGINT and exits the JVM; run several apps in one JVM with start() and stop()");
        }
        Signals s = new Signals();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), sig -> {
                if (s.signalled.getCount() == 0) {
                    Log.TULIP.warn("second SIG{}: exiting without waiting for the drain", sig.getName());
                    Runtime.getRuntime().halt(1);
                }
                Log.TULIP.info("SIG{} received: stopping gracefully", sig.getName());
                s.signalled.countDown();
            });
        }
        return s;
    }

    /** Blocks until SIGTERM or SIGINT (returns at once if one came already), then runs {@code stop} and returns its result. */
    public boolean awaitStop(BooleanSupplier stop) {
        while (true) {
            try {
                signalled.await();
                break;
            } catch (InterruptedException e) {
                // keep serving until a signal arrives
            }
        }
        return stop.getAsBoolean();
    }
}
