package dev.tulip.web;

import dev.tulip.Cookie;
import dev.tulip.Handler;
import dev.tulip.HttpException;
import dev.tulip.Middleware;
import dev.tulip.Request;
import dev.tulip.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Cross-site request forgery protection as middleware. Requests with a safe method ({@code GET},
 * {@code HEAD}, {@code OPTIONS}, {@code TRACE}) pass; any other must carry the token of
 * {@link #token(Request)} in the {@code X-CSRF-Token} header or, in a URL-encoded form, the
 * {@code _csrf} field, else it is answered {@code 403} with a JSON message saying what was missing.
 *
 * <p>By default the token is a synchronizer token kept in the {@link Session} (so {@link Sessions}
 * must run before this), handed out masked with a fresh random pad each time so that compressed
 * pages do not leak it (BREACH). With {@link Builder#doubleSubmit} it lives in a signed cookie
 * ({@code tulip_csrf}, readable by scripts, bound to the session when there is one) that the client
 * sends back in the header: for single-page apps, or without sessions.
 *
 * <pre>{@code
 * app.use(sessions);
 * app.use(Csrf.create(csrf -> csrf.exempt(req -> req.path().startsWith("/webhooks/"))));
 * app.get(
 *         "/form",
 *         req -> Response.html("<form method=post action=/transfer>"
 *                 + "<input type=hidden name=_csrf value=" + Csrf.token(req) + ">"
 *                 + "<button>Send</button></form>"));
 * }</pre>
 */
public final class Csrf implements Middleware {
    static final String ATTRIBUTE = "dev.tulip.web.csrf";
    /** The session key of the synchronizer token. */
    static final String SESSION_KEY = "_csrf";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final int TOKEN_BYTES = 32;

    private final Optional<Signer> doubleSubmit;
    private final String header;
    private final String field;
    private final String cookieName;
    private final Predicate<Request> exempt;
    private final Optional<Boolean> secure;
    private final SecureRandom random = new SecureRandom();

    private Csrf(Builder b) {
        this.doubleSubmit = b.keys.isEmpty() ? Optional.empty() : Optional.of(new Signer("Csrf", b.keys));
        this.header = b.header;
        this.field = b.field;
        this.cookieName = b.cookieName;
        this.exempt = b.exempt;
        this.secure = b.secure;
    }

    /** CSRF protection configured by {@code config} (the defaults: a token in the session). */
    public static Csrf create(Consumer<Builder> config) {
        Builder b = new Builder();
        config.accept(b);
        return new Csrf(b);
    }

    /**
     * The token for {@code req}, to send back with the next unsafe request: put it in a form's
     * hidden {@code _csrf} field or hand it to a script for the {@code X-CSRF-Token} header.
     */
    public static String token(Request req) {
        return req.attribute(ATTRIBUTE, Tokens.class)
                .orElseThrow(() -> new IllegalStateException(
                        "no CSRF protection on this request: install it first, app.use(Csrf.create(...))"))
                .token();
    }

    @Override
    public Object handle(Request req, Handler next) throws Exception {
        Tokens tokens = doubleSubmit.isPresent() ? new CookieTokens(req) : new SessionTokens(req);
        req.attribute(ATTRIBUTE, tokens);
        if (!SAFE.contains(req.method()) && !exempt.test(req)) {
            Optional<String> sent = submitted(req);
            if (sent.isEmpty())
                throw new HttpException(
                        403,
                        "CSRF token missing: send the token of this session in the " + header + " header or the "
                                + field + " form field");
            if (!tokens.matches(sent.get()))
                throw new HttpException(
                        403,
                        "CSRF token invalid: it does not belong to this "
                                + (doubleSubmit.isPresent() ? "client's " + cookieName + " cookie" : "session")
                                + "; reload the page to get a new one");
        }
        Object result = next.handle(req);
        return tokens instanceof CookieTokens ct ? Responses.change(result, req, ct::issue) : result;
    }

    private Optional<String> submitted(Request req) {
        Optional<String> h = req.header(header).map(String::trim).filter(s -> !s.isEmpty());
        if (h.isPresent()) return h;
        boolean form = req.contentType()
                .map(t -> t.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
        return form ? req.formValue(field).filter(s -> !s.isEmpty()) : Optional.empty();
    }

    private sealed interface Tokens permits SessionTokens, CookieTokens {
        String token();

        boolean matches(String sent);
    }

    /** The synchronizer token: a secret in the session, handed out masked (pad, pad XOR secret). */
    private final class SessionTokens implements Tokens {
        private final Request req;

        SessionTokens(Request req) {
            this.req = req;
        }

        private Session session() {
            return req.attribute(Session.ATTRIBUTE, Session.class)
                    .orElseThrow(() -> new IllegalStateException("Csrf keeps its token in the session: install"
                            + " Sessions before it, app.use(sessions); app.use(csrf) (or use doubleSubmit(...))"));
        }

        @Override
        public String token() {
            Session s = session();
            byte[] secret = s.get(SESSION_KEY).flatMap(Signer::decode).orElse(null);
            if (secret == null || secret.length != TOKEN_BYTES) {
                secret = sharedRandom(TOKEN_BYTES);
                s.put(SESSION_KEY, Signer.encode(secret));
            }
            byte[] pad = sharedRandom(TOKEN_BYTES);
            byte[] out = new byte[2 * TOKEN_BYTES];
            for (int i = 0; i < TOKEN_BYTES; i++) {
                out[i] = pad[i];
                out[TOKEN_BYTES + i] = (byte) (pad[i] ^ secret[i]);
            }
            return Signer.encode(out);
        }

        @Override
        public boolean matches(String sent) {
            byte[] secret = session().get(SESSION_KEY).flatMap(Signer::decode).orElse(null);
            byte[] masked = Signer.decode(sent).orElse(null);
            if (secret == null || masked == null || masked.length != 2 * TOKEN_BYTES) return false;
            byte[] unmasked = new byte[TOKEN_BYTES];
            for (int i = 0; i < TOKEN_BYTES; i++) unmasked[i] = (byte) (masked[i] ^ masked[TOKEN_BYTES + i]);
            return MessageDigest.isEqual(unmasked, secret);
        }
    }

    /** The signed double-submit cookie: {@code random.signature(random + binding)}, the binding the session id if any. */
    private final class CookieTokens implements Tokens {
        private final Request req;
        private String issued; // a cookie value made for this request, to set on its response

        CookieTokens(Request req) {
            this.req = req;
        }

        private String binding() {
            return req.attribute(Session.ATTRIBUTE, Session.class)
                    .filter(Session::persisted)
                    .map(Session::currentId)
                    .orElse("");
        }

        /** The cookie's value if it is signed for this client. */
        private Optional<String> valid() {
            return req.cookie(cookieName).filter(this::signedForThisClient);
        }

        private boolean signedForThisClient(String value) {
            int dot = value.indexOf('.');
            if (dot < 0) return false;
            String random = value.substring(0, dot);
            return doubleSubmit
                    .orElseThrow()
                    .verify(random + "~" + binding() + value.substring(dot))
                    .isPresent();
        }

        @Override
        public String token() {
            if (issued != null) return issued;
            Optional<String> v = valid();
            if (v.isPresent()) return v.get();
            String random = Signer.encode(sharedRandom(TOKEN_BYTES));
            String signed = doubleSubmit.orElseThrow().sign(random + "~" + binding());
            issued = random + signed.substring(signed.lastIndexOf('.'));
            return issued;
        }

        @Override
        public boolean matches(String sent) {
            Optional<String> v = valid();
            return v.isPresent()
                    && MessageDigest.isEqual(
                            v.get().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
        }

        /** Sets the cookie when this request made a token, or the client's is missing or no longer its own. */
        void issue(Response r) {
            if (issued == null && valid().isPresent()) return;
            Cookie c = Cookie.of(cookieName, token()).path("/").sameSite(Cookie.SameSite.LAX);
            r.cookie(secure.orElseGet(() -> req.scheme().equals("https")) ? c.secure() : c);
        }
    }

    private byte[] sharedRandom(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Configures {@link Csrf}. */
    public static final class Builder {
        private List<String> keys = List.of();
        private String header = "X-CSRF-Token";
        private String field = "_csrf";
        private String cookieName = "tulip_csrf";
        private Predicate<Request> exempt = req -> false;
        private Optional<Boolean> secure = Optional.empty();

        private Builder() {}

        /**
         * Keeps the token in a cookie signed with {@code newest} (and accepted with any of
         * {@code older}), each at least 32 bytes of secret text, instead of in the session.
         */
        public Builder doubleSubmit(String newest, String... older) {
            List<String> all = new ArrayList<>();
            all.add(newest);
            all.addAll(List.of(older));
            if (all.contains(null)) throw new IllegalArgumentException("Csrf signing keys must not be null");
            this.keys = List.copyOf(all);
            return this;
        }

        /** The header the token comes in (default {@code X-CSRF-Token}). */
        public Builder header(String name) {
            this.header = name;
            return this;
        }

        /** The URL-encoded form field the token comes in (default {@code _csrf}). */
        public Builder formField(String name) {
            this.field = name;
            return this;
        }

        /** The double-submit cookie's name (default {@code tulip_csrf}). */
        public Builder cookieName(String name) {
            Cookie.of(name, ""); // validates the name
            this.cookieName = name;
            return this;
        }

        /** Requests that need no token (webhooks signed otherwise, APIs that take no cookies). */
        public Builder exempt(Predicate<Request> exempt) {
            this.exempt = exempt;
            return this;
        }

        /** Whether the double-submit cookie is {@code Secure} always or never, instead of when the request came over HTTPS. */
        public Builder secure(boolean secure) {
            this.secure = Optional.of(secure);
            return this;
        }
    }
}
