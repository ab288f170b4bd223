package dev.tulip;

/**
 * A start or stop that failed. A failed start has already closed, in reverse order, everything it
 * had opened, and left the app stopped; {@link #step()} names what failed (further failures while
 * unwinding are {@linkplain #getSuppressed() suppressed}). A failed stop ran every close anyway.
 */
public final class LifecycleException extends RuntimeException {
    private final String step;

    /** A failure of {@code step}. */
    public LifecycleException(String step, String message, Throwable cause) {
        super(message, cause);
        this.step = step;
    }

    /** The step that failed, e.g. {@code resource 'db'}, {@code bind}, {@code onAfterStart}. */
    public String step() {
        return step;
    }
}
