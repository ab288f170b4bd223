package dev.tulip.demo;

import dev.tulip.HttpException;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.pg.Pg;
import dev.tulip.pg.embedded.EmbeddedPg;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Seed 001: users in PostgreSQL, as Sanic + asyncpg served them, under {@code /users}. With
 * {@code DATABASE_URL} set the demo uses that server; without it, an embedded PostgreSQL whose data
 * stays under {@code ./data/postgres} ({@code DEMO_DATA_DIR} moves it). A migration creates the table.
 */
final class Users {
    /** A stored user. */
    record User(int id, String name, String email) {}

    /** The body of {@code POST /users}. */
    record NewUser(String name, String email) {}

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Users() {}

    /** Adds the database (embedded unless {@code DATABASE_URL} is set) and the routes. */
    static Pg install(Tulip app) {
        Optional<String> url = env("DATABASE_URL");
        Pg pg;
        if (url.isPresent()) {
            pg = Pg.create(cfg -> cfg.url(url.get()).migrations("db/users"));
        } else {
            Path dir = Path.of(env("DEMO_DATA_DIR").orElse("data"), "postgres");
            AtomicReference<EmbeddedPg> server = new AtomicReference<>();
            app.resource(
                    dev.tulip.Key.of("embedded postgres", EmbeddedPg.class),
                    ctx -> {
                        server.set(EmbeddedPg.start(dir));
                        return server.get();
                    },
                    EmbeddedPg::close);
            pg = Pg.create(cfg -> cfg.url(() -> server.get().url()).migrations("db/users"));
        }
        app.install(pg);
        routes(app, pg);
        return pg;
    }

    static void routes(Tulip app, Pg pg) {
        app.group("/users", users -> {
            users.get("/", req -> pg.rows(User.class, "select id, name, email from users order by id"));
            users.get(
                    "/{id:int}",
                    req -> pg.one(User.class, "select id, name, email from users where id = $1", req.pathInt("id")));
            users.post("/", req -> {
                NewUser u = req.json(NewUser.class);
                if (u.name() == null || u.name().isBlank()) throw new HttpException(422, "'name' must not be empty");
                if (u.email() == null || !EMAIL.matcher(u.email()).matches())
                    throw new HttpException(422, "'email' must be an email address");
                // a duplicate email breaks users_email_key: Pg answers 409 naming the constraint
                User created = pg.one(
                                User.class,
                                "insert into users (name, email) values ($1, $2) returning id, name, email",
                                u.name().strip(),
                                u.email())
                        .orElseThrow();
                return Response.json(201, created).header("Location", "/users/" + created.id());
            });
        });
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
    }
}
