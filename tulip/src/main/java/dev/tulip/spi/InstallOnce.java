package dev.tulip.spi;

import dev.tulip.Tulip;

/**
 * Lets an integration value be installed into one app only, with an error that says so. Keep one
 * in a field ({@code new InstallOnce("Pg")}) and call {@code once.claim(setup)} first thing in
 * {@link Integration#install}; {@code docs/ARCHITECTURE.md} shows a whole integration.
 */
public final class InstallOnce {
    private final String what;
    private Tulip owner;

    /** {@code what} names the integration in the error. */
    public InstallOnce(String what) {
        this.what = what;
    }

    /** Records the app of {@code setup}; throws if this value was installed before. */
    public synchronized void claim(Setup setup) {
        Tulip app = setup.app();
        if (owner != null) {
            throw new IllegalStateException(what + " is already installed into "
                    + (owner == app ? "this app" : "another app")
                    + "; create one " + what + " value per app");
        }
        owner = app;
    }
}
