package dev.tulip.demo;

import dev.tulip.Config;
import dev.tulip.Key;
import dev.tulip.Tulip;
import java.util.function.Consumer;

/**
 * The seed services in one app on one port:
 * <ul>
 *   <li>contacts (Sanic + motor): {@code GET /} lists, {@code POST /new} inserts;</li>
 *   <li>stuff (aiohttp + motor): {@code GET /stuff/{id}}, {@code PUT /stuff/{id}} (201 created, 200 replaced);</li>
 *   <li>vt-info search (Sanic + motor): {@code POST /svc_vt_info/search} with {@code {"id": [...]}};</li>
 *   <li>users (Sanic + asyncpg): {@code GET /users}, {@code GET /users/{id}}, {@code POST /users}, in PostgreSQL.</li>
 * </ul>
 * Storage is in memory for now: a resource opened when the app starts and closed when it stops,
 * the way a database pool will be.
 */
public final class DemoApp {
    /** Where handlers find the store. */
    static final Key<Store> STORE = Key.of("store", Store.class);

    private DemoApp() {}

    /** The demo app; {@code configure} may change the defaults (tests use port 0). */
    public static Tulip create(Consumer<Config.Builder> configure) {
        Tulip app = Tulip.create(configure);
        app.resource(STORE, ctx -> Store.withSamples(), Store::clear);
        Contacts.routes(app);
        Stuff.routes(app);
        VtInfo.routes(app);
        Users.install(app); // PostgreSQL: DATABASE_URL, else embedded under ./data
        return app;
    }

    public static void main(String[] args) {
        create(cfg -> {}).run(args);
    }
}
