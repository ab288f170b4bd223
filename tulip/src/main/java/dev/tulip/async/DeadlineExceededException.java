package dev.tulip.async;

import dev.tulip.internal.Durations;
import java.time.Duration;

/**
 * A wait that ran out of time: a task, a group of tasks, a queue operation or a bridge call did
 * not finish within its deadline. What was waited for has been cancelled where it could be.
 */
public final class DeadlineExceededException extends RuntimeException {
    private final Duration deadline;

    /** {@code what} did not finish within {@code deadline}. */
    public DeadlineExceededException(String what, Duration deadline) {
        super(what + " did not finish within " + Durations.format(deadline));
        this.deadline = deadline;
    }

    /** The time that was allowed. */
    public Duration deadline() {
        return deadline;
    }
}
