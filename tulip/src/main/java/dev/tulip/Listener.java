package dev.tulip;

/**
 * A lifecycle listener: runs once per app (not per event loop) at the moment it was registered
 * for. Listeners of one kind run in registration order; stop listeners run in reverse
 * registration order, so resources are released in the opposite order they were acquired.
 */
@FunctionalInterface
public interface Listener {

    /** Runs the listener. An exception from a start listener aborts the start. */
    void run(AppContext context) throws Exception;
}
