package dev.tulip.internal.http;

import dev.tulip.internal.Prepared;
import dev.tulip.internal.ServerRequest;
import dev.tulip.spi.RequestEvent;

/**
 * One request on a connection, from parse to response; confined to the connection's event loop.
 * A request that could not be parsed has no {@link #request}.
 */
final class Exchange {
    final ServerRequest request;
    final boolean head;
    final boolean keepAlive;
    final boolean http10KeepAlive;
    final long startNanos;
    /** The request asked for a protocol upgrade ({@code Upgrade} header). */
    final boolean upgrade;
    /** Holds a slot of the app's concurrency limit until completed. */
    boolean admitted;

    boolean done;
    Prepared prepared;
    /** How it ended, when it did not end as {@code SENT}. */
    RequestEvent.Outcome outcome = RequestEvent.Outcome.SENT;
    /** The route's own handler timeout in nanoseconds, -1 for the app's. */
    long timeoutNanos = -1;
    /** Whether the observers were told. */
    boolean observed;
    /** How the handler's result reaches the loop (see {@link LoopBatch}). */
    volatile LoopBatch.Wake wake;
    /** The virtual thread running the handler, to interrupt on timeout or cut. */
    volatile Thread thread;

    Exchange(ServerRequest request, boolean keepAlive, boolean http10KeepAlive, long startNanos) {
        this.request = request;
        this.head = request != null && request.method().equals("HEAD");
        this.keepAlive = keepAlive;
        this.http10KeepAlive = http10KeepAlive;
        this.startNanos = startNanos;
        this.upgrade = request != null && request.headers().contains("Upgrade");
    }

    /** For a request that could not be read: answered, then the connection closes. */
    static Exchange rejected(long startNanos) {
        Exchange ex = new Exchange(null, false, false, startNanos);
        ex.outcome = RequestEvent.Outcome.REJECTED;
        return ex;
    }

    boolean http10() {
        return request != null && request.version().equals("HTTP/1.0");
    }
}
