package dev.tulip.internal.http;

import dev.tulip.internal.Prepared;
import dev.tulip.internal.ServerRequest;

/** One request on a connection, from parse to response; confined to the connection's event loop. */
final class Exchange {
    final ServerRequest request;
    final boolean head;
    final boolean keepAlive;
    final boolean http10KeepAlive;
    final long startNanos;
    /** Holds a slot of the app's concurrency limit until completed. */
    boolean admitted;

    boolean done;
    Prepared prepared;
    /** How the handler's result reaches the loop (see {@link LoopBatch}). */
    volatile LoopBatch.Wake wake;
    /** The virtual thread running the handler, to interrupt on timeout or cut. */
    volatile Thread thread;

    Exchange(ServerRequest request, boolean keepAlive, boolean http10KeepAlive, long startNanos) {
        this.request = request;
        this.head = request.method().equals("HEAD");
        this.keepAlive = keepAlive;
        this.http10KeepAlive = http10KeepAlive;
        this.startNanos = startNanos;
    }
}
