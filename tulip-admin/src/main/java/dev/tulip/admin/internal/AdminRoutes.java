package dev.tulip.admin.internal;

import dev.tulip.Handler;
import dev.tulip.HttpException;
import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.Routes;
import dev.tulip.admin.spi.Choice;
import dev.tulip.web.StaticFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** The admin's routes under its path; the pages come to life when the app starts ({@code state}). */
public final class AdminRoutes {
    private AdminRoutes() {}

    /** What the routes need once the databases are open. */
    public record State(Pages pages, ListPage list, RecordPages records, DeletePages deletes) {}

    public static void install(Routes g, Supplier<State> state, ClassLoader loader, String htmx, String pico) {
        g.get(
                "/static/htmx.min.js",
                StaticFiles.classpathFile(
                        "/META-INF/resources/webjars/htmx.org/" + htmx + "/dist/htmx.min.js",
                        o -> o.classLoader(loader)));
        g.get(
                "/static/pico.min.css",
                StaticFiles.classpathFile(
                        "/META-INF/resources/webjars/picocss__pico/" + pico + "/css/pico.min.css",
                        o -> o.classLoader(loader)));
        g.get(
                "/static/admin.css",
                StaticFiles.classpathFile("/META-INF/tulip-admin/admin.css", o -> o.classLoader(loader)));
        g.get(
                "/static/admin.js",
                StaticFiles.classpathFile("/META-INF/tulip-admin/admin.js", o -> o.classLoader(loader)));
        g.get("/login", req -> loginPage(state.get(), req, 200, "", Optional.empty()));
        g.post("/login", req -> login(state.get(), req));
        g.post("/logout", req -> {
            state.get().pages().auth.logout(req);
            return Response.redirect(303, state.get().pages().base + "/login");
        });
        g.get("/", page(state, s -> (r, u) -> dashboard(s, r, u)));
        g.get("/m/{model}", page(state, s -> s.list()::get));
        g.get("/m/{model}/lookup", page(state, s -> (r, u) -> lookup(s, r, u)));
        g.get("/m/{model}/new", page(state, s -> s.records()::createForm));
        g.post("/m/{model}/new", page(state, s -> s.records()::create));
        g.post("/m/{model}/bulk", page(state, s -> s.deletes()::bulk));
        g.get("/m/{model}/r/{id}", page(state, s -> s.records()::detail));
        g.get("/m/{model}/r/{id}/edit", page(state, s -> s.records()::editForm));
        g.post("/m/{model}/r/{id}/edit", page(state, s -> s.records()::update));
        g.get("/m/{model}/r/{id}/delete", page(state, s -> s.deletes()::confirmOne));
        g.post("/m/{model}/r/{id}/delete", page(state, s -> s.deletes()::deleteOne));
    }

    /** A route for logged-in users only, to the page {@code pick} chooses once the admin is open. */
    private static Handler page(Supplier<State> state, Function<State, Pages.Page> pick) {
        return req -> {
            State s = state.get();
            return s.pages().loggedIn(pick.apply(s)).handle(req);
        };
    }

    private static Response loginPage(State s, Request req, int status, String username, Optional<String> error) {
        Optional<String> asked = req.method().equals("POST") ? req.formValue("next") : req.query("next");
        String next = s.pages().auth.safeNext(asked.orElse(null));
        return Render.login(
                status,
                s.pages().frame(req, Optional.empty(), "Log in", Optional.empty()),
                new Views.Login(s.pages().base + "/login", next, username, error));
    }

    private static Response login(State s, Request req) {
        String username = req.formValue("username").orElse("");
        String password = req.formValue("password").orElse("");
        if (username.isBlank() || password.isEmpty() || username.length() > 150 || password.length() > 1024)
            return loginPage(
                    s,
                    req,
                    400,
                    username.length() > 150 ? "" : username,
                    Optional.of("Enter a username and a password."));
        return switch (s.pages()
                .auth
                .login(req, username, password, req.formValue("next").orElse(null))) {
            case Auth.Outcome.Success ok -> Response.redirect(303, ok.next());
            case Auth.Outcome.Failure f -> loginPage(s, req, 200, username, Optional.of(f.message()));
            case Auth.Outcome.Throttled t ->
                loginPage(s, req, 429, username, Optional.of(t.message()))
                        .header("Retry-After", Long.toString(t.retryAfterSeconds()));
        };
    }

    private static Response dashboard(State s, Request req, Principal user) {
        List<Views.DashRow> rows = new ArrayList<>();
        Pages p = s.pages();
        p.refreshForDashboard();
        for (AdminModel m : p.registry().models()) {
            if (!user.can(m, Principal.Perm.VIEW)) continue;
            var count = m.backend().count(m.model(), List.of(), Optional.empty(), List.of(), false);
            rows.add(new Views.DashRow(
                    m.label(),
                    p.listHref(m),
                    Pages.countText(count),
                    m.backend().kind(),
                    user.can(m, Principal.Perm.ADD) ? Optional.of(p.listHref(m) + "/new") : Optional.empty()));
        }
        return Render.dashboard(p.frame(req, Optional.of(user), "Dashboard", Optional.empty()), rows);
    }

    /** Choices for a reference input: {@code <option>}s of a datalist (htmx), or JSON when asked. */
    private static Response lookup(State s, Request req, Principal user) {
        AdminModel m = s.pages().model(req, user);
        String term = req.query("q")
                .orElseGet(() -> req.queryParams().entrySet().stream()
                        .filter(e -> e.getKey().startsWith(Forms.PREFIX))
                        .map(e -> e.getValue().getLast())
                        .findFirst()
                        .orElse(""));
        if (term.length() > 100) throw HttpException.badRequest("search text is limited to 100 characters");
        List<Choice> choices =
                term.isBlank() ? List.of() : m.backend().lookup(m.model(), term.strip(), m.labelFields(), 20);
        List<Views.Option> options = new ArrayList<>();
        for (Choice c : choices) options.add(new Views.Option(c.id().encoded(), c.label(), false));
        return Render.choices(options);
    }
}
