package dev.tulip.spi;

import dev.tulip.Request;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * A connection handed over by {@link Upgrade}. Tulip's own handler stays first in the pipeline and
 * only passes events on; it keeps counting the connection as open, so a drain waits for it (after
 * telling it through {@link #onDrain}) and cuts it at the drain timeout.
 */
public interface UpgradedConnection {

    /** The request that asked for the upgrade. */
    Request request();

    /** The channel; add the new protocol's handlers to its pipeline (after {@code "tulip"}). */
    Channel channel();

    /**
     * Bytes the client sent after the upgrade request, already read (the caller owns and must
     * release the buffer); empty if none.
     */
    ByteBuf takeBufferedInput();

    /** Runs {@code action} on the connection's loop when the app begins to drain (e.g. send a close frame). */
    void onDrain(Runnable action);
}
