package dev.tulip.admin.internal;

import dev.tulip.Handler;
import dev.tulip.HttpException;
import dev.tulip.Middleware;
import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.web.Csrf;
import dev.tulip.web.Sessions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The middleware of every admin route: a fresh CSP nonce and the security headers on every
 * response, the admin's sessions and CSRF check on everything but its static files, and its own
 * errors (a status it chose, a request the backend refused as malformed) answered as pages.
 */
public final class Guard implements Middleware {
    static final String NONCE = "dev.tulip.admin.nonce";
    private final String base;
    private final String title;
    private final java.util.function.Supplier<Sessions> sessions;
    private final Csrf csrf;
    private final SecureRandom random = new SecureRandom();

    public Guard(String base, String title, java.util.function.Supplier<Sessions> sessions, Csrf csrf) {
        this.base = base;
        this.title = title;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    @Override
    public Object handle(Request req, Handler next) throws Exception {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        req.attribute(NONCE, nonce);
        boolean asset = req.path().startsWith(base + "/static/");
        Object result;
        try {
            result = asset ? next.handle(req) : sessions.get().handle(req, r -> csrf.handle(r, next));
        } catch (HttpException e) {
            result = errorPage(req, e.status(), e.getMessage());
        } catch (IllegalArgumentException e) { // a tampered cursor or id
            result = errorPage(req, 400, e.getMessage());
        }
        // anything else goes on to the app's exception handlers, which the integrations extend
        // (an unreachable database is their 503 with Retry-After)
        Response r = result instanceof Response resp ? resp : Response.from(result, req);
        r.header("X-Content-Type-Options", "nosniff");
        r.header("X-Frame-Options", "DENY");
        r.header("Referrer-Policy", "same-origin");
        r.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!asset) {
            r.header("Cache-Control", "no-store");
            r.header(
                    "Content-Security-Policy",
                    "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'self'; img-src 'self' data:;"
                            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        }
        return r;
    }

    /** A page for an error, with as little as an anonymous visitor may see. */
    Response errorPage(Request req, int status, String message) {
        String token;
        try {
            token = Csrf.token(req);
        } catch (RuntimeException e) {
            token = "";
        }
        Views.Frame f = new Views.Frame(
                title,
                base,
                nonce(req),
                token,
                Optional.empty(),
                java.util.List.of(),
                Status.reason(status),
                Optional.empty());
        return Render.error(f, new Views.ErrorView(status, message, Optional.of(base)));
    }

    static String nonce(Request req) {
        return req.attribute(NONCE, String.class).orElse("");
    }

    /** Reason phrases for the statuses the admin answers with. */
    static final class Status {
        private Status() {}

        static String reason(int status) {
            return switch (status) {
                case 400 -> "Bad request";
                case 403 -> "Forbidden";
                case 404 -> "Not found";
                case 405 -> "Method not allowed";
                case 409 -> "Conflict";
                case 413 -> "Too large";
                case 429 -> "Too many requests";
                case 503 -> "Unavailable";
                default -> "Error " + status;
            };
        }
    }
}
