package dev.tulip.spi;

import dev.tulip.Config;

/**
 * Provides an app's event loops in place of Tulip's own (for a client library that owns its
 * loops and cannot be handed others). Registered with {@link Setup#supplyLoops}.
 */
public interface LoopSupplier {

    /** Creates the loops; {@code config} says how many ({@code eventLoops()}) and which transport is wanted. */
    EventLoops open(Config config) throws Exception;

    /** Shuts the loops down; runs last, after every resource of the app has closed. */
    void close(EventLoops loops) throws Exception;
}
