package dev.tulip.admin.internal;

import dev.tulip.HttpException;
import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.admin.spi.Count;
import dev.tulip.admin.spi.Id;
import dev.tulip.web.Csrf;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every admin page shares: its frame, the model of its path, links. */
public final class Pages {
    static final String FLASH = "admin.flash";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Pages.class);
    /** How old the models may be before the dashboard reads them again. */
    private static final long STALE_NANOS = 10_000_000_000L;
    /** How often an unknown model name may make the admin look again. */
    private static final long RETRY_NANOS = 2_000_000_000L;

    private final java.util.function.Supplier<Registry> reload;
    private volatile Registry registry;
    private volatile long loadedAt;
    final Auth auth;
    final String base;
    final String title;
    final int pageSize;
    final int maxPageSize;

    /**
     * {@code first}: the models read at start; {@code reload} reads them again (a new table, a
     * collection's first document).
     */
    public Pages(
            Registry first,
            java.util.function.Supplier<Registry> reload,
            Auth auth,
            String base,
            String title,
            int pageSize,
            int maxPageSize) {
        this.reload = reload;
        this.registry = first;
        this.loadedAt = System.nanoTime();
        this.auth = auth;
        this.base = base;
        this.title = title;
        this.pageSize = pageSize;
        this.maxPageSize = maxPageSize;
    }

    /** The models as last read. */
    Registry registry() {
        return registry;
    }

    /**
     * Reads the models again if the last read is older than {@code maxAgeNanos}; a failed read
     * keeps the models as they were.
     */
    void refresh(long maxAgeNanos) {
        if (System.nanoTime() - loadedAt < maxAgeNanos) return;
        synchronized (this) {
            if (System.nanoTime() - loadedAt < maxAgeNanos) return;
            loadedAt = System.nanoTime();
            try {
                registry = reload.get();
            } catch (RuntimeException e) {
                LOG.warn("the admin could not read the models again; it keeps the ones it has", e);
            }
        }
    }

    /** Refreshes the models when the dashboard is shown and they are older than 10 s. */
    void refreshForDashboard() {
        refresh(STALE_NANOS);
    }

    /** An admin page's handler, called only for a logged-in user. */
    @FunctionalInterface
    public interface Page {
        Response handle(Request req, Principal user) throws Exception;
    }

    /** {@code page} for logged-in users; anyone else goes to the login page, whatever the path names. */
    public dev.tulip.Handler loggedIn(Page page) {
        return req -> {
            Optional<Principal> p = auth.principal(req);
            if (p.isEmpty()) return auth.toLogin(req);
            return page.handle(req, p.get());
        };
    }

    Views.Frame frame(Request req, Optional<Principal> user, String heading, Optional<AdminModel> current) {
        List<Views.Link> nav = new ArrayList<>();
        user.ifPresent(u -> {
            for (AdminModel m : registry.models())
                if (u.can(m, Principal.Perm.VIEW))
                    nav.add(new Views.Link(
                            listHref(m), m.label(), current.map(c -> c == m).orElse(false)));
        });
        dev.tulip.web.Session session = dev.tulip.web.Session.of(req);
        Optional<String> message = session.get(FLASH);
        if (message.isPresent()) session.remove(FLASH);
        return new Views.Frame(
                title, base, Guard.nonce(req), Csrf.token(req), user.map(Principal::username), nav, heading, message);
    }

    /** The model of the request's {@code {model}} path parameter, if the user may view it; else 404 (no hint that it exists). */
    AdminModel model(Request req, Principal user) {
        String slug = req.pathParam("model");
        if (registry.model(slug).isEmpty()) refresh(RETRY_NANOS); // a model made since the last read
        AdminModel m = registry.model(slug).orElseThrow(() -> new HttpException(404, "no such page"));
        if (!user.can(m, Principal.Perm.VIEW))
            throw new HttpException(403, "you may not view " + m.label() + " records");
        return m;
    }

    static Id id(Request req) {
        try {
            return Id.decode(req.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("bad record id: " + e.getMessage());
        }
    }

    String listHref(AdminModel m) {
        return base + "/m/" + enc(m.slug());
    }

    String recordHref(AdminModel m, Id id) {
        return listHref(m) + "/r/" + enc(id.encoded());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Response redirect(String location) {
        return Response.redirect(303, location);
    }

    /** A redirect to {@code location} whose page shows {@code message} once (kept in the session, never in the URL). */
    static Response redirect(Request req, String location, String message) {
        dev.tulip.web.Session.of(req).put(FLASH, message);
        return redirect(location);
    }

    /** "1,234" when exact, "≈ 1.2M" when estimated. */
    static String countText(Count c) {
        if (c.exact()) return new DecimalFormat("#,##0").format(c.value());
        long v = c.value();
        if (v < 1_000) return "≈ " + v;
        if (v < 1_000_000) return "≈ " + new DecimalFormat("0.#").format(v / 1_000.0) + "K";
        if (v < 1_000_000_000) return "≈ " + new DecimalFormat("0.#").format(v / 1_000_000.0) + "M";
        return "≈ " + new DecimalFormat("0.#").format(v / 1_000_000_000.0) + "B";
    }

    /** A short label for a record: its label fields, else its id. */
    static String recordLabel(AdminModel m, java.util.Map<String, Object> record, Id id) {
        List<String> parts = new ArrayList<>();
        for (String f : m.labelFields()) {
            Object v = record.get(f);
            if (v != null) parts.add(Values.cell(m.field(f).orElseThrow(), v));
        }
        return parts.isEmpty() ? m.label() + " " + String.join(", ", id.parts()) : String.join(" ", parts);
    }
}
