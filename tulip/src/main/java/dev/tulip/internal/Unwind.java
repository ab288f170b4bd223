package dev.tulip.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The closes of what an app has opened, run last-opened first. Every close runs even when an
 * earlier one throws; the failures are returned, not thrown, so the caller reports them all.
 */
public final class Unwind {
    /** One close, named for errors and logs. */
    @FunctionalInterface
    public interface Close {
        void run() throws Exception;
    }

    /** A close that failed. */
    public record Failure(String step, Exception error) {}

    private final Deque<String> names = new ArrayDeque<>();
    private final Deque<Close> closes = new ArrayDeque<>();

    /** Adds {@code close}, to run before everything added earlier. */
    public void push(String name, Close close) {
        names.push(name);
        closes.push(close);
    }

    /** Runs and forgets every close, newest first; returns those that failed. */
    public List<Failure> runAll() {
        List<Failure> failures = new ArrayList<>();
        while (!closes.isEmpty()) {
            String name = names.pop();
            try {
                closes.pop().run();
            } catch (Exception e) {
                Log.TULIP.error("closing {} failed", name, e);
                failures.add(new Failure(name, e));
            }
        }
        return failures;
    }
}
