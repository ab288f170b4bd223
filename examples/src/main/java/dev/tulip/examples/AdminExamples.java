package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Tulip;
import dev.tulip.admin.Admin;
import dev.tulip.mongo.Mongo;
import dev.tulip.pg.Pg;
import java.util.Optional;
import java.util.function.Consumer;

/** The admin: docs/guide/admin.md and the javadoc of {@code Admin}. */
public final class AdminExamples {
    private AdminExamples() {}

    /** The javadoc's three lines: the databases, then the admin over them. */
    public static Tulip installed(Consumer<Config.Builder> config, Pg pg, Mongo mongo) {
        Tulip app = Tulip.create(config);
        // tag::admin-install[]
        app.install(pg);
        app.install(mongo);
        app.install(Admin.create(cfg -> cfg.pg(pg).mongo(mongo)));
        // end::admin-install[]
        return app;
    }

    /** The guide's shaped admin: one table narrowed, one collection linked, an action. */
    public static Admin shaped(Pg pg, Mongo mongo) {
        // tag::admin-options[]
        Admin admin = Admin.create(cfg -> cfg.path("/admin")
                .pg(pg)
                .mongo(mongo)
                .mongoReference("orders", "customer", "customers") // MongoDB has no foreign keys
                .initialUser("admin", Optional.ofNullable(System.getenv("TULIP_ADMIN_PASSWORD")))
                .model(
                        "users",
                        m -> m.listFields("id", "name", "email", "created_at")
                                .searchFields("name", "email")
                                .filters("active", "created_at")
                                .ordering("-created_at")
                                .hidden("password_hash") // also hidden by its name; saying so documents it
                                .readOnly("created_at")
                                .fieldLabel("email", "E-mail address")
                                .action("deactivate", "Deactivate", (ctx, ids) -> {
                                    for (var id : ids)
                                        pg.execute(
                                                "update users set active = false where id = $1",
                                                Long.parseLong(id.parts().getFirst()));
                                    return ids.size() + " users deactivated by " + ctx.username();
                                }))
                .model("audit_log", m -> m.exclude()));
        // end::admin-options[]
        return admin;
    }

    /** Granting a user less than everything, once the app runs. */
    public static void grant(Admin admin, String supportPassword) {
        // tag::admin-users[]
        admin.saveUser("support", supportPassword, false, java.util.Set.of("*:view", "users:change"));
        // end::admin-users[]
    }
}
