package dev.tulip.examples;

import dev.tulip.Response;
import dev.tulip.Tulip;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An app: the guide's users service and the {@link Tulip} javadoc's smallest app. */
public final class AnApp {
    private AnApp() {}

    /** What a client posts to create a user. */
    public record NewUser(String name) {}

    /** A stored user. */
    public record User(int id, String name) {}

    /** An in-memory store of users. */
    public static final class Users {
        private final Map<Integer, User> byId = new ConcurrentHashMap<>();
        private final AtomicInteger lastId = new AtomicInteger();

        /** The user with {@code id}, or null. */
        public User find(int id) {
            return byId.get(id);
        }

        /** Stores a new user and returns it with its id. */
        public User save(NewUser user) {
            User saved = new User(lastId.incrementAndGet(), user.name());
            byId.put(saved.id(), saved);
            return saved;
        }
    }

    static final Users users = new Users();

    /** The guide's first example ("An app"); {@code --port 0} picks a free port. */
    public static void main(String[] args) {
        // tag::guide-app[]
        var app = Tulip.create(cfg -> cfg.port(8000));
        app.get("/users/{id:int}", req -> users.find(req.pathInt("id"))); // null -> 404
        app.post("/users", req -> Response.json(201, users.save(req.json(NewUser.class))));
        app.run(args);
        // end::guide-app[]
    }

    /** The {@link Tulip} class's javadoc: the README's hello world without its comments. */
    static void smallest(String[] args) {
        // tag::tulip-javadoc[]
        var app = Tulip.create(cfg -> cfg.port(8000));
        app.get("/hello", req -> Map.of("hello", "world"));
        app.run(args);
        // end::tulip-javadoc[]
    }
}
