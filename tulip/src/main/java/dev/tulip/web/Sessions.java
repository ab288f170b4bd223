package dev.tulip.web;

import dev.tulip.Cookie;
import dev.tulip.Handler;
import dev.tulip.Middleware;
import dev.tulip.Request;
import dev.tulip.Response;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Sessions as middleware: each request gets a {@link Session} ({@link Session#of(Request)}), saved
 * with the response when it changed. By default the session lives in the cookie itself, signed
 * with HMAC-SHA256 (readable by the client, not changeable); with {@link Builder#store} it lives on
 * the server and the cookie carries its signed id. The cookie is {@code HttpOnly},
 * {@code SameSite=Lax}, {@code Path=/}, {@code Secure} when the request came over HTTPS (as a
 * trusted proxy says: see the {@code trusted-proxies} setting), and
 * expires {@code maxAge} after the session was last saved (checked on the server too, so an old
 * cookie replayed is refused).
 *
 * <pre>{@code
 * Sessions sessions = Sessions.create(s -> s.keys(sessionKey) // a secret from the environment, never the source
 *         .maxAge(Duration.ofDays(7)));
 * app.use(sessions);
 * }</pre>
 *
 * <p>A response that read the session gets {@code Vary: Cookie}. Changes made by a handler that
 * then throws are not saved.
 */
public final class Sessions implements Middleware {
    /** Browsers drop cookies over 4096 bytes, name and attributes included. */
    static final int MAX_COOKIE = 4096;

    private final Signer signer;
    private final String cookieName;
    private final Duration maxAge;
    private final Cookie.SameSite sameSite;
    private final Optional<Boolean> secure;
    private final String path;
    private final Optional<String> domain;
    private final Optional<SessionStore> store;
    private final Clock clock;

    private Sessions(Builder b) {
        if (b.sameSite == Cookie.SameSite.NONE && !b.secure.orElse(false))
            throw new IllegalArgumentException(
                    "Sessions with SameSite=None need secure(true): browsers drop such a" + " cookie without Secure");
        this.signer = new Signer("Sessions", b.keys);
        this.cookieName = b.cookieName;
        this.maxAge = b.maxAge;
        this.sameSite = b.sameSite;
        this.secure = b.secure;
        this.path = b.path;
        this.domain = b.domain;
        this.store = b.store;
        this.clock = b.clock;
    }

    /** Sessions configured by {@code config}, which must give at least one signing key. */
    public static Sessions create(Consumer<Builder> config) {
        Builder b = new Builder();
        config.accept(b);
        return new Sessions(b);
    }

    @Override
    public Object handle(Request req, Handler next) throws Exception {
        Session s = load(req);
        req.attribute(Session.ATTRIBUTE, s);
        Object result = next.handle(req);
        if (!(result instanceof CompletionStage<?>) && !s.accessed()) return result;
        return Responses.change(result, req, r -> save(req, s, r));
    }

    // ---- the cookie: base64url("id\nsaved-at-seconds\ndata") "." signature ---------------------

    private Session load(Request req) {
        Optional<String> cookie = req.cookie(cookieName);
        if (cookie.isPresent()) {
            Optional<String[]> fields = signer.verify(cookie.get())
                    .flatMap(Signer::decode)
                    .map(b -> new String(b, StandardCharsets.UTF_8).split("\n", 3))
                    .filter(f -> f.length == 3 && fresh(f[1]));
            if (fields.isPresent()) {
                String id = fields.get()[0];
                Optional<Map<String, String>> values =
                        store.isPresent() ? store.get().load(id) : Optional.of(decodeValues(fields.get()[2]));
                if (values.isPresent()) return new Session(id, values.get(), false, signer::randomId);
            }
        }
        return new Session(signer.randomId(), Map.of(), true, signer::randomId);
    }

    private boolean fresh(String savedAt) {
        try {
            return clock.instant().getEpochSecond() - Long.parseLong(savedAt) < maxAge.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void save(Request req, Session s, Response r) {
        varyCookie(r);
        if (s.invalidated()) {
            store.ifPresent(st -> s.loadedId().ifPresent(st::delete));
            if (req.cookie(cookieName).isPresent()) r.cookie(attributes(Cookie.expired(cookieName), req));
            return;
        }
        if (!s.modified()) return;
        String id = s.currentId();
        Map<String, String> values = s.snapshot();
        String data = "";
        if (store.isPresent()) {
            s.loadedId().filter(old -> !old.equals(id)).ifPresent(store.get()::delete);
            store.get().save(id, values, maxAge);
        } else {
            data = encodeValues(values);
        }
        String payload = id + "\n" + clock.instant().getEpochSecond() + "\n" + data;
        String value = signer.sign(Signer.encode(payload.getBytes(StandardCharsets.UTF_8)));
        Cookie c = attributes(Cookie.of(cookieName, value).maxAge(maxAge), req);
        int size = c.toSetCookie().length();
        if (size > MAX_COOKIE)
            throw new IllegalStateException("the session cookie would be " + size + " bytes, over the " + MAX_COOKIE
                    + " browsers keep: store less in the session, or keep it on the server with store(...)");
        r.cookie(c);
    }

    private Cookie attributes(Cookie c, Request req) {
        Cookie out = c.path(path).httpOnly().sameSite(sameSite);
        if (domain.isPresent()) out = out.domain(domain.get());
        return secure.orElseGet(() -> req.scheme().equals("https")) ? out.secure() : out;
    }

    private static void varyCookie(Response r) {
        for (String v : r.headers().all("Vary")) {
            for (String t : v.split(","))
                if (t.trim().equalsIgnoreCase("Cookie") || t.trim().equals("*")) return;
        }
        r.addHeader("Vary", "Cookie");
    }

    static String encodeValues(Map<String, String> values) {
        List<String> pairs = new ArrayList<>(values.size());
        values.forEach((k, v) -> pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    static Map<String, String> decodeValues(String data) {
        Map<String, String> out = new LinkedHashMap<>();
        if (data.isEmpty()) return out;
        for (String pair : data.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) continue;
            out.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Configures {@link Sessions}. */
    public static final class Builder {
        private List<String> keys = List.of();
        private String cookieName = "tulip_session";
        private Duration maxAge = Duration.ofDays(14);
        private Cookie.SameSite sameSite = Cookie.SameSite.LAX;
        private Optional<Boolean> secure = Optional.empty();
        private String path = "/";
        private Optional<String> domain = Optional.empty();
        private Optional<SessionStore> store = Optional.empty();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The signing keys, newest first, each at least 32 bytes of secret text: cookies are signed
         * with the first and accepted with any, so a new key goes first and an old one is dropped
         * once its cookies have expired.
         */
        public Builder keys(String newest, String... older) {
            List<String> all = new ArrayList<>();
            all.add(newest);
            all.addAll(List.of(older));
            if (all.contains(null)) throw new IllegalArgumentException("Sessions signing keys must not be null");
            this.keys = List.copyOf(all);
            return this;
        }

        /** The cookie's name (default {@code tulip_session}). */
        public Builder cookieName(String name) {
            Cookie.of(name, ""); // validates the name
            this.cookieName = name;
            return this;
        }

        /** How long a session lasts after it was last saved (default 14 days). */
        public Builder maxAge(Duration maxAge) {
            if (!maxAge.isPositive() || maxAge.toSeconds() < 1)
                throw new IllegalArgumentException("Sessions max-age must be at least 1s, was " + maxAge);
            this.maxAge = maxAge;
            return this;
        }

        /** The cookie's {@code SameSite} (default {@code LAX}; {@code NONE} needs {@code secure(true)}). */
        public Builder sameSite(Cookie.SameSite sameSite) {
            this.sameSite = sameSite;
            return this;
        }

        /** Whether the cookie is {@code Secure} always or never, instead of when the request came over HTTPS. */
        public Builder secure(boolean secure) {
            this.secure = Optional.of(secure);
            return this;
        }

        /** The cookie's {@code Path} (default {@code /}). */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The cookie's {@code Domain} (default none: this host only). */
        public Builder domain(String domain) {
            this.domain = Optional.of(domain);
            return this;
        }

        /** Keeps sessions on the server in {@code store}; the cookie then carries only the signed id. */
        public Builder store(SessionStore store) {
            this.store = Optional.of(store);
            return this;
        }

        /** The clock for expiry (tests). */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }
    }
}
