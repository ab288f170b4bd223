package dev.tulip.async;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test tasks that block until they are cancelled. */
final class Blocking {
    private Blocking() {}

    /** Blocks until the task is interrupted (then counts {@code interrupted} down and rethrows). */
    static String untilInterrupted(CountDownLatch interrupted) throws InterruptedException {
        try {
            new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            return "not interrupted";
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
    }
}
