package dev.tulip;

/**
 * Handles one request and returns its result.
 *
 * <p>The value returned becomes the response: a {@link Response} as is; a {@code String} as
 * {@code text/plain}; a {@code byte[]} as {@code application/octet-stream}; {@code null} or an
 * empty {@link java.util.Optional} as {@code 404 Not Found}; a present {@code Optional} as its
 * content; a {@link java.util.concurrent.CompletionStage} as whatever it completes with; any other
 * object (records, maps, lists, ...) as JSON.
 *
 * <p>By default a handler runs on its own virtual thread, so it may block (JDBC, file I/O,
 * {@link Tulip#await}) without stalling the event loop. Wrap it in {@link #nonBlocking} to run it
 * inline on the event loop instead: faster, but it must never block.
 */
@FunctionalInterface
public interface Handler {

    /** Handles {@code request}; any exception becomes an error response (see {@link Tulip#exception}). */
    Object handle(Request request) throws Exception;

    /**
     * Marks {@code handler} as non-blocking: it runs inline on the event loop that read the request.
     * It must not block (no JDBC, no sleeping, no {@link Tulip#await}); return a
     * {@link java.util.concurrent.CompletionStage} for asynchronous work.
     */
    static Handler nonBlocking(Handler handler) {
        return new NonBlocking(handler);
    }

    /** A handler that runs on the event loop; created by {@link #nonBlocking}. */
    record NonBlocking(Handler delegate) implements Handler {
        /** Creates the marker around {@code delegate}. */
        public NonBlocking {
            if (delegate == null) throw new IllegalArgumentException("handler must not be null");
            if (delegate instanceof NonBlocking) throw new IllegalArgumentException("handler is already non-blocking");
        }

        @Override
        public Object handle(Request request) throws Exception {
            return delegate.handle(request);
        }
    }
}
