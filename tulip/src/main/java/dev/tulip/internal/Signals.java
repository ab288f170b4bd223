package dev.tulip.internal;

import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM/SIGINT handling for {@link dev.tulip.Tulip#run}: the first signal starts a graceful
 * stop on the main thread (so the exit code can reflect the drain); a second one exits at once.
 * Signal handlers rather than a shutdown hook, because a hook cannot choose the exit status.
 */
public final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tulip");

    private final CountDownLatch signalled = new CountDownLatch(1);

    private Signals() {}

    /**
     * Handles SIGTERM and SIGINT from now on. Install before the server starts, so a signal that
     * arrives while it starts (or just after) is not met by the JVM's default handler, which would
     * exit without draining.
     */
    public static Signals install() {
        Signals s = new Signals();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), sig -> {
                if (s.signalled.getCount() == 0) {
                    LOG.warn("second SIG{}: exiting without waiting for the drain", sig.getName());
                    Runtime.getRuntime().halt(1);
                }
                LOG.info("SIG{} received: stopping gracefully", sig.getName());
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
