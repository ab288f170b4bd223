package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.HttpException;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.web.Cors;
import dev.tulip.web.Csrf;
import dev.tulip.web.Session;
import dev.tulip.web.SessionStore;
import dev.tulip.web.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The web page of the guide: CORS, sessions, CSRF protection and response compression. */
public final class WebExamples {
    private WebExamples() {}

    /** A key for the examples' tests; a real app reads its own from the environment. */
    public static final String KEY = "example-key-0123456789abcdef0123456789";

    /** An API that a page on https://app.example.com calls from its scripts. */
    public static Tulip cors(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::cors-javadoc[]
        app.use(Cors.create(cors -> cors.allowOrigins("https://app.example.com")
                .allowMethods("GET", "POST", "DELETE")
                .allowHeaders("Content-Type", "X-CSRF-Token")
                .allowCredentials()
                .maxAge(Duration.ofMinutes(10))));
        // end::cors-javadoc[]
        app.get("/things", req -> List.of("a", "b"));
        app.delete("/things/{id}", req -> Response.noContent());
        return app;
    }

    /** Sessions in a signed cookie: log in, see who you are, log out. */
    public static Tulip sessions(Consumer<Config.Builder> config, String sessionKey) {
        var app = Tulip.create(config);
        // tag::sessions-javadoc[]
        Sessions sessions = Sessions.create(s -> s.keys(sessionKey) // a secret from the environment, never the source
                .maxAge(Duration.ofDays(7)));
        app.use(sessions);
        // end::sessions-javadoc[]
        // tag::session-javadoc[]
        app.post("/login", req -> {
            String user = checkPassword(
                    req.formValue("user").orElse(""), req.formValue("password").orElse(""));
            Session.of(req).rotate().put("user", user); // a new id once the privileges change
            return Response.redirect(303, "/");
        });
        app.get("/me", req -> Session.of(req).get("user").map(u -> Map.of("user", u)));
        // end::session-javadoc[]
        // tag::guide-logout[]
        app.post("/logout", req -> {
            Session.of(req).invalidate(); // the client is told to delete the cookie
            return Response.noContent();
        });
        // end::guide-logout[]
        return app;
    }

    /** Sessions kept on the server, counting each client's visits; the keys show a rotation in progress. */
    public static Tulip storedSessions(Consumer<Config.Builder> config, String newKey, String oldKey) {
        var app = Tulip.create(config);
        // tag::guide-session-store[]
        Sessions sessions = Sessions.create(s -> s.keys(newKey, oldKey) // signs with newKey, still accepts oldKey
                .store(SessionStore.inMemory()));
        // end::guide-session-store[]
        app.use(sessions);
        app.get("/visits", req -> {
            Session s = Session.of(req);
            int n = Integer.parseInt(s.get("visits").orElse("0")) + 1;
            s.put("visits", Integer.toString(n));
            return Map.of("visits", n);
        });
        return app;
    }

    /** A form protected against cross-site request forgery, with the token in the session. */
    public static Tulip csrf(Consumer<Config.Builder> config, String sessionKey) {
        var app = Tulip.create(config);
        var sessions = Sessions.create(s -> s.keys(sessionKey));
        // tag::csrf-javadoc[]
        app.use(sessions);
        app.use(Csrf.create(csrf -> csrf.exempt(req -> req.path().startsWith("/webhooks/"))));
        app.get(
                "/form",
                req -> Response.html("<form method=post action=/transfer>"
                        + "<input type=hidden name=_csrf value=" + Csrf.token(req) + ">"
                        + "<button>Send</button></form>"));
        // end::csrf-javadoc[]
        app.post("/transfer", req -> "sent");
        app.post("/webhooks/pay", req -> "hooked");
        return app;
    }

    /** CSRF protection for a single-page app: the token comes in a cookie its scripts read. */
    public static Tulip doubleSubmit(Consumer<Config.Builder> config, String csrfKey) {
        var app = Tulip.create(config);
        // tag::guide-double-submit[]
        app.use(Csrf.create(csrf -> csrf.doubleSubmit(csrfKey))); // scripts send the tulip_csrf cookie in X-CSRF-Token
        // end::guide-double-submit[]
        app.get("/api/orders", req -> List.of());
        app.post("/api/orders", req -> Response.json(201, Map.of("ok", true)));
        return app;
    }

    /** Compression settings, and a response that must not be compressed. */
    public static Tulip compression(int port) {
        // tag::guide-compression[]
        var app = Tulip.create(cfg -> cfg.port(port).compressionMinSize(4096)); // --compression-min-size 4k works too
        // end::guide-compression[]
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) rows.add(Map.of("id", i, "name", "row " + i));
        app.get("/rows", req -> rows);
        // tag::guide-no-transform[]
        app.get("/signed", req -> Response.json(rows).header("Cache-Control", "no-transform")); // sent as is
        // end::guide-no-transform[]
        return app;
    }

    /** The examples' user check. */
    static String checkPassword(String user, String password) {
        if (user.isEmpty() || !password.equals("secret")) throw new HttpException(401, "wrong user or password");
        return user;
    }
}
