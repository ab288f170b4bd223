package dev.tulip.mongo;

import java.util.Iterator;

/**
 * Documents read one at a time on a blocking thread, with back-pressure: the driver fetches the
 * next batch only as this one is consumed (motor's {@code async for}). Close it (try-with-resources)
 * to stop early; reading it to the end closes it too.
 */
public interface Cursor<T> extends Iterator<T>, AutoCloseable {
    /** Stops the cursor on the server; further {@link #hasNext()} calls answer {@code false}. */
    @Override
    void close();
}
