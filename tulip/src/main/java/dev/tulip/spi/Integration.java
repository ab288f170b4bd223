package dev.tulip.spi;

/**
 * Something that plugs into an app: installed with {@code app.install(integration)}, which calls
 * {@link #install} at once, in call order. The integration's own value is what handlers use
 * ({@code var pg = Pg.create(cfg -> ...); app.install(pg); app.get("/u", req -> pg.query(...))}).
 * An integration value belongs to one app: see {@link InstallOnce}.
 */
@FunctionalInterface
public interface Integration {

    /** Declares what the integration adds to the app; runs before the app starts. */
    void install(Setup setup);
}
