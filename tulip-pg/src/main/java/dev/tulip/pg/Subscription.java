package dev.tulip.pg;

import java.time.Instant;

/**
 * A {@code LISTEN} on a channel ({@link Pg#listen}); it reconnects by itself after the connection is
 * lost. Notifications sent while it was disconnected are lost (PostgreSQL keeps none), so it
 * reports each such {@link Gap}: reload what you cached from the database then. Close it to stop.
 */
public interface Subscription extends AutoCloseable {

    /** A span during which notifications may have been missed. */
    record Gap(String channel, Instant lost, Instant resumed) {}

    /** Whether it is connected and listening now. */
    boolean listening();

    /** Stops listening and closes its connection. */
    @Override
    void close();
}
