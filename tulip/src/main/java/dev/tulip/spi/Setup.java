package dev.tulip.spi;

import dev.tulip.Closer;
import dev.tulip.Opener;
import dev.tulip.Tulip;

/**
 * What an {@link Integration} may do to the app it is installed into. Everything declared here
 * takes effect in declaration order when the app starts, and is undone in reverse order when it
 * stops (see {@code docs/ARCHITECTURE.md}, "How an integration plugs in").
 */
public interface Setup {

    /** The app: add routes, middleware, exception handlers and listeners through it. */
    Tulip app();

    /**
     * Declares a resource: {@code open} runs once the event loops exist and before the server binds,
     * {@code close} after the drain and before the loops stop; resources close in reverse order, and
     * a failed start closes those that had opened. {@code name} identifies it in errors.
     */
    <T> Setup resource(String name, Opener<T> open, Closer<? super T> close);

    /** Registers an observer of every finished request (the access log is one). */
    Setup observe(RequestObserver observer);

    /**
     * Makes {@code supplier} provide the app's event loops instead of Tulip's own. At most one
     * integration per app may; its loops are closed last, after every resource.
     */
    Setup supplyLoops(LoopSupplier supplier);

    /** The running app's event loops and context, valid from the moment resources open. */
    Runtime runtime();

    /** Adds a readiness check of the integration (a database ping); see {@link dev.tulip.Tulip#readiness}. */
    default Setup readiness(String name, dev.tulip.ReadinessCheck check) {
        app().readiness(name, check);
        return this;
    }
}
