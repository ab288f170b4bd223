package dev.tulip.admin.internal;

import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.admin.spi.AdminStore;
import dev.tulip.admin.spi.AdminUser;
import dev.tulip.web.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Logging in and out. A login is throttled per account and per client address (the failures live
 * in the admin's store, so every instance counts them), rotates the session id, and keeps only the
 * username in the session: the user is read again on every request, so a deactivated account or a
 * withdrawn permission takes effect at once.
 */
public final class Auth {
    static final String SESSION_USER = "admin.user";
    private final AdminStore store;
    private final Passwords passwords;
    private final String base;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    public Auth(AdminStore store, Passwords passwords, String base, int perAccount, int perAddress, Duration window) {
        this.store = store;
        this.passwords = passwords;
        this.base = base;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** The logged-in user of {@code req}, if there is one and the account is active. */
    public Optional<Principal> principal(Request req) {
        Session s = Session.of(req);
        return s.get(SESSION_USER)
                .flatMap(store::user)
                .filter(AdminUser::active)
                .map(Principal::new);
    }

    /** Where an anonymous request is sent: the login page, with the page it asked for to come back to. */
    public Response toLogin(Request req) {
        String next = req.method().equals("GET") ? req.uri() : base;
        return Response.redirect(303, base + "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    /** The outcome of a login attempt. */
    public sealed interface Outcome {
        record Success(String next) implements Outcome {}

        record Failure(String message) implements Outcome {}

        record Throttled(String message, long retryAfterSeconds) implements Outcome {}
    }

    public Outcome login(Request req, String username, String password, String next) {
        String account = "u:" + username.strip().toLowerCase(Locale.ROOT);
        String address = "a:" + req.remoteAddress().getAddress().getHostAddress();
        if (store.failures(account, window) >= perAccount || store.failures(address, window) >= perAddress)
            return throttled();
        Optional<AdminUser> user = store.user(username.strip()).filter(AdminUser::active);
        boolean ok;
        if (user.isPresent()) ok = passwords.verify(password, user.get().passwordHash());
        else {
            passwords.burn(password); // as slow as a wrong password, so timing does not tell names
            ok = false;
        }
        if (!ok) {
            int a = store.recordFailure(account, window);
            int b = store.recordFailure(address, window);
            if (a > perAccount || b > perAddress) return throttled();
            return new Outcome.Failure("Wrong username or password.");
        }
        store.clearFailures(account);
        if (passwords.needsRehash(user.get().passwordHash()))
            store.saveUser(new AdminUser(
                    user.get().username(),
                    passwords.hash(password),
                    user.get().superuser(),
                    user.get().permissions(),
                    true));
        Session s = Session.of(req);
        s.rotate(); // a new id: a session fixed before the login is worth nothing after it
        s.put(SESSION_USER, user.get().username());
        return new Outcome.Success(safeNext(next));
    }

    private Outcome throttled() {
        return new Outcome.Throttled(
                "Too many failed logins. Try again in " + window.toMinutes() + " minutes.", window.toSeconds());
    }

    public void logout(Request req) {
        Session.of(req).invalidate();
    }

    /** {@code next} if it is a page of the admin, else the dashboard: never a redirect off the site. */
    String safeNext(String next) {
        if (next != null
                && (next.equals(base) || next.startsWith(base + "/") || next.startsWith(base + "?"))
                && !next.startsWith("//")
                && !next.contains("\\")
                && next.chars().noneMatch(c -> c < 0x21 || c == 0x7f)) return next;
        return base;
    }
}
