package dev.tulip.internal;

import dev.tulip.Tulip;
import java.util.function.Function;

/**
 * Lets Tulip's own modules (the test client) reach an app's dispatcher without a public method
 * on the facade. {@link Tulip} installs the accessor once, when its class initializes.
 */
public final class Access {
    private static volatile Function<Tulip, Dispatcher> dispatchers;

    private Access() {}

    public static void install(Function<Tulip, Dispatcher> accessor) {
        if (dispatchers == null) dispatchers = accessor;
    }

    /** The dispatcher of {@code app}; routes are frozen if the app has not started. */
    public static Dispatcher dispatcher(Tulip app) {
        return dispatchers.apply(app); // Tulip's class is initialized: app is an instance
    }
}
