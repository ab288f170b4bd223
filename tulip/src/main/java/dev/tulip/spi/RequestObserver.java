package dev.tulip.spi;

/**
 * Told about every request once its outcome is known (logs, metrics). Runs on the event loop of
 * the request's connection, so it must be quick and never block; an exception is logged and
 * ignored.
 */
@FunctionalInterface
public interface RequestObserver {

    /** Called once per request. */
    void onRequest(RequestEvent event);
}
