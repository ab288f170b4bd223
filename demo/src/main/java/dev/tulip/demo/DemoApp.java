package dev.tulip.demo;

import dev.tulip.Config;
import dev.tulip.Tulip;
import dev.tulip.admin.Admin;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.embedded.EmbeddedMongo;
import dev.tulip.pg.Pg;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The seed services in one app on one port:
 * <ul>
 *   <li>contacts (Sanic + motor): {@code GET /} lists, {@code POST /new} inserts;</li>
 *   <li>stuff (aiohttp + motor): {@code GET /stuff/{id}}, {@code PUT /stuff/{id}} (201 created, 200 replaced);</li>
 *   <li>vt-info search (Sanic + motor): {@code POST /svc_vt_info/search} with {@code {"id": [...]}};</li>
 *   <li>users (Sanic + asyncpg): {@code GET /users}, {@code GET /users/{id}}, {@code POST /users}, in PostgreSQL;</li>
 *   <li>live: a websocket chat at {@code /ws/chat}, new contacts as server-sent events at
 *       {@code /events}, and the page at {@code /chat} that shows both ({@link Live});</li>
 *   <li>the admin at {@code /admin} over all of it ({@link #admin}).</li>
 * </ul>
 * Contacts, stuff and info live in MongoDB ({@link #mongo}), users in PostgreSQL ({@link Users});
 * both are embedded under {@code ./data} unless {@code MONGODB_URI} / {@code DATABASE_URL} name a
 * server, and both open when the app starts and close after it drained.
 */
public final class DemoApp {
    private DemoApp() {}

    /** The demo app; {@code configure} may change the defaults (tests use port 0). */
    public static Tulip create(Consumer<Config.Builder> configure) {
        Tulip app = Tulip.create(configure);
        Mongo mongo = mongo(app);
        Contacts.routes(app, mongo, Live.install(app));
        Stuff.routes(app, mongo);
        VtInfo.routes(app, mongo);
        Pg pg = Users.install(app); // PostgreSQL: DATABASE_URL, else embedded under ./data
        app.install(admin(pg, mongo));
        return app;
    }

    /**
     * The admin at {@code /admin} over the users table and the MongoDB collections; its own users
     * and sessions live in PostgreSQL. On the first run it creates the user {@code admin}, with
     * the password in {@code TULIP_ADMIN_PASSWORD} or a random one printed once to the log.
     */
    static Admin admin(Pg pg, Mongo mongo) {
        return Admin.create(cfg -> cfg.pg(pg)
                .mongo(mongo)
                .initialUser("admin", Optional.ofNullable(System.getenv("TULIP_ADMIN_PASSWORD")))
                .model("users", m -> m.searchFields("name", "email")));
    }

    /**
     * MongoDB for seeds 000, 002 and 004: the server in {@code MONGODB_URI}, else an embedded one
     * whose data stays in {@code ./data/mongo} ({@code DEMO_DATA_DIR} moves it); database {@code demo}.
     */
    static Mongo mongo(Tulip app) {
        if (Mongo.environmentUri().isPresent()) {
            Mongo mongo = Mongo.create(cfg -> cfg.database("demo"));
            app.install(mongo);
            return mongo;
        }
        String dir = System.getenv().getOrDefault("DEMO_DATA_DIR", "data");
        EmbeddedMongo embedded = EmbeddedMongo.onDisk(Path.of(dir, "mongo"));
        app.install(embedded); // before the Mongo: it starts first and stops last
        Mongo mongo = Mongo.create(cfg -> cfg.uri(embedded::uri).database("demo"));
        app.install(mongo);
        return mongo;
    }

    public static void main(String[] args) {
        create(cfg -> {}).run(args);
    }
}
