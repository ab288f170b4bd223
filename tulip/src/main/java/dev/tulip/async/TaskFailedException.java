package dev.tulip.async;

/**
 * A task ended with a checked exception, which is its {@linkplain #getCause() cause}. Unchecked
 * exceptions and errors of a task are rethrown as they are; only checked ones are wrapped, so a
 * join never declares {@code throws Exception}.
 */
public final class TaskFailedException extends RuntimeException {
    private final String task;

    /** {@code task} (a name such as {@code "task 'user' of scope 'profile'"}) threw {@code cause}. */
    public TaskFailedException(String task, Throwable cause) {
        super(task + " failed: " + cause, cause);
        this.task = task;
    }

    /** What failed, as named in the message. */
    public String task() {
        return task;
    }
}
