package dev.tulip.spi;

import dev.tulip.AppContext;
import dev.tulip.Config;

/** The parts of a starting or running app an integration may use. */
public interface Runtime {

    /**
     * The app's event loops, to run a client's I/O on them. Use them, never shut them down. Throws
     * {@link IllegalStateException} before the app starts (call it from a resource's opener).
     */
    EventLoops loops();

    /** The app's settings. */
    Config config();

    /** The app's shared context. */
    AppContext context();
}
