package dev.tulip.demo;

import dev.tulip.HttpException;
import dev.tulip.Response;
import dev.tulip.Tulip;

/** Seed 001: users by id, as Sanic + asyncpg served them, grouped under {@code /users}. */
final class Users {
    /** The body of {@code POST /users}. */
    record NewUser(String name, String email) {}

    private Users() {}

    static void routes(Tulip app) {
        app.group("/users", users -> {
            users.get(
                    "/",
                    req -> req.context().get(DemoApp.STORE).users.values().stream()
                            .sorted(java.util.Comparator.comparingInt(Store.User::id))
                            .toList());
            users.get("/{id:int}", req -> req.context().get(DemoApp.STORE).user(req.pathInt("id")));
            users.post("/", req -> {
                NewUser u = req.json(NewUser.class);
                if (u.name() == null || u.name().isBlank()) throw HttpException.badRequest("'name' is required");
                Store.User created = req.context().get(DemoApp.STORE).addUser(u.name(), u.email());
                return Response.json(201, created).header("Location", "/users/" + created.id());
            });
        });
    }
}
