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

    private Signals() {}

    /** Blocks until SIGTERM or SIGINT, then runs {@code stop} and returns its result. */
    public static boolean awaitStop(BooleanSupplier stop) {
        CountDownLatch signalled = new CountDownLatch(1);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), sig -> {
                if (signalled.getCount() == 0) {
                    LOG.warn("second SIG{}: exiting without waiting for the drain", sig.getName());
                    Runtime.getRuntime().halt(1);
                }
                LOG.info("SIG{} received: stopping gracefully", sig.getName());
                signalled.countDown();
            });
        }
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
