package dev.tulip.web;

import dev.tulip.Handler;
import dev.tulip.HttpException;
import dev.tulip.Middleware;
import dev.tulip.Request;
import dev.tulip.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Cross-origin resource sharing (the Fetch standard's CORS protocol) as middleware. A preflight
 * ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is answered here,
 * {@code 204} with the allow headers, or {@code 403} without them when the origin, method or a
 * header is not allowed; it never reaches a handler. Other requests from an allowed origin get
 * {@code Access-Control-Allow-Origin} (and credentials and exposed headers) on their response;
 * requests without {@code Origin} get no CORS header, only {@code Vary: Origin} when the answer
 * depends on the origin, so a cache does not serve one origin's response to another.
 *
 * <pre>{@code
 * app.use(Cors.create(cors -> cors.allowOrigins("https://app.example.com")
 *         .allowMethods("GET", "POST", "DELETE")
 *         .allowHeaders("Content-Type", "X-CSRF-Token")
 *         .allowCredentials()
 *         .maxAge(Duration.ofMinutes(10))));
 * }</pre>
 *
 * <p>Install it as app middleware ({@code app.use}), so preflights to any path are answered.
 * Responses to exceptions thrown past it (an {@link HttpException}) carry no CORS headers, so a
 * browser reports them as CORS failures.
 */
public final class Cors implements Middleware {
    private static final Pattern ORIGIN = Pattern.compile("[a-z][a-z0-9+.-]*://[^/?#\\s]+");
    private static final String VARY_PREFLIGHT =
            "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private final boolean anyOrigin;
    private final Set<String> origins;
    private final Predicate<String> originMatches;
    private final boolean anyMethod;
    private final Set<String> methods;
    private final String methodList;
    private final boolean anyHeader;
    private final Set<String> headers;
    private final String headerList;
    private final Optional<String> exposed;
    private final boolean credentials;
    private final Optional<Duration> maxAge;

    private Cors(Builder b) {
        this.anyOrigin = b.origins.contains("*");
        this.origins = Set.copyOf(b.origins);
        this.originMatches = b.originMatches;
        this.anyMethod = b.methods.contains("*");
        this.methods = Set.copyOf(b.methods);
        this.methodList = String.join(", ", b.methods);
        this.anyHeader = b.headers.contains("*");
        this.headers = Set.copyOf(b.headers);
        this.headerList = String.join(", ", b.headers);
        this.exposed = b.exposed.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", b.exposed));
        this.credentials = b.credentials;
        this.maxAge = b.maxAge;
    }

    /** CORS middleware configured by {@code config}; at least one origin must be allowed. */
    public static Cors create(Consumer<Builder> config) {
        Builder b = new Builder();
        config.accept(b);
        return b.build();
    }

    @Override
    public Object handle(Request req, Handler next) throws Exception {
        Optional<String> origin = req.header("Origin");
        if (origin.isEmpty()) {
            Object result = next.handle(req);
            return staticOrigin() ? result : Responses.change(result, req, r -> vary(r, "Origin"));
        }
        if (req.method().equals("OPTIONS")
                && req.header("Access-Control-Request-Method").isPresent()) return preflight(req, origin.get());
        boolean allowed = allows(origin.get());
        return Responses.change(next.handle(req), req, r -> {
            if (allowed) {
                r.header("Access-Control-Allow-Origin", allowOriginValue(origin.get()));
                if (credentials) r.header("Access-Control-Allow-Credentials", "true");
                exposed.ifPresent(e -> r.header("Access-Control-Expose-Headers", e));
            }
            if (!staticOrigin()) vary(r, "Origin");
        });
    }

    /** The answer to a preflight: 204 with the allow headers, or a 403 naming what is not allowed. */
    private Response preflight(Request req, String origin) {
        String method =
                req.header("Access-Control-Request-Method").orElseThrow().trim();
        List<String> requested =
                headerList(req.header("Access-Control-Request-Headers").orElse(""));
        String refusal = !allows(origin)
                ? "origin " + origin + " is not allowed"
                : !anyMethod && !methods.contains(method)
                        ? "method " + method + " is not allowed (allowed: " + methodList + ")"
                        : firstRefusedHeader(requested)
                                .map(h -> "header " + h + " is not allowed (allowed: " + headerList + ")")
                                .orElse(null);
        if (refusal != null) throw new HttpException(403, "CORS preflight refused: " + refusal);
        Response r = Response.noContent()
                .header("Access-Control-Allow-Origin", allowOriginValue(origin))
                .header("Access-Control-Allow-Methods", anyMethod ? method : methodList);
        if (!requested.isEmpty()) r.header("Access-Control-Allow-Headers", String.join(", ", requested));
        if (credentials) r.header("Access-Control-Allow-Credentials", "true");
        maxAge.ifPresent(a -> r.header("Access-Control-Max-Age", Long.toString(a.toSeconds())));
        return r.header("Vary", VARY_PREFLIGHT);
    }

    private Optional<String> firstRefusedHeader(List<String> requested) {
        if (anyHeader) return Optional.empty();
        return requested.stream().filter(h -> !headers.contains(h)).findFirst();
    }

    private boolean allows(String origin) {
        return anyOrigin || origins.contains(origin) || originMatches.test(origin);
    }

    /** {@code *} when any origin may read (never with credentials: refused when built); else the request's own origin. */
    private String allowOriginValue(String origin) {
        return anyOrigin ? "*" : origin;
    }

    /** Whether the response is the same for every origin ({@code *}), so it needs no {@code Vary: Origin}. */
    private boolean staticOrigin() {
        return anyOrigin;
    }

    private static void vary(Response r, String name) {
        for (String v : r.headers().all("Vary")) {
            for (String t : v.split(","))
                if (t.trim().equalsIgnoreCase(name) || t.trim().equals("*")) return;
        }
        r.addHeader("Vary", name);
    }

    /** The lower-case names of a comma-separated header list. */
    private static List<String> headerList(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Configures {@link Cors}; every list replaces the earlier one. */
    public static final class Builder {
        private final Set<String> origins = new LinkedHashSet<>();
        private Predicate<String> originMatches = o -> false;
        private boolean matcherSet;
        private final Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD", "POST"));
        private final Set<String> headers = new LinkedHashSet<>();
        private final List<String> exposed = new ArrayList<>();
        private boolean credentials;
        private Optional<Duration> maxAge = Optional.empty();

        private Builder() {}

        /**
         * Origins that may read responses, each {@code scheme://host[:port]} exactly as a browser
         * sends it (no path, no trailing slash), or {@code *} for any.
         */
        public Builder allowOrigins(String... origins) {
            this.origins.clear();
            for (String o : origins) {
                if (!o.equals("*") && !o.equals("null") && !ORIGIN.matcher(o).matches())
                    throw new IllegalArgumentException(
                            "CORS origin '" + o + "' must be scheme://host[:port] in lower case, without a path or"
                                    + " trailing slash (e.g. https://app.example.com), or *");
                this.origins.add(o);
            }
            return this;
        }

        /** Also allows the origins {@code test} accepts (e.g. every subdomain of one site). */
        public Builder allowOriginsMatching(Predicate<String> test) {
            this.originMatches = test;
            this.matcherSet = true;
            return this;
        }

        /** Methods a preflight may ask for (default {@code GET, HEAD, POST}), or {@code *} for any. */
        public Builder allowMethods(String... methods) {
            this.methods.clear();
            for (String m : methods) this.methods.add(m.equals("*") ? m : m.toUpperCase(Locale.ROOT));
            return this;
        }

        /** Request headers a preflight may ask for (case-insensitive; none by default), or {@code *} for any. */
        public Builder allowHeaders(String... headers) {
            this.headers.clear();
            for (String h : headers) this.headers.add(h.toLowerCase(Locale.ROOT));
            return this;
        }

        /** Response headers scripts may read beyond the safelisted ones ({@code Access-Control-Expose-Headers}). */
        public Builder exposeHeaders(String... headers) {
            this.exposed.clear();
            this.exposed.addAll(List.of(headers));
            return this;
        }

        /** Lets requests with cookies or HTTP authentication read responses; not with {@code *} anywhere. */
        public Builder allowCredentials() {
            this.credentials = true;
            return this;
        }

        /** How long a browser may cache a preflight's answer ({@code Access-Control-Max-Age}). */
        public Builder maxAge(Duration maxAge) {
            if (maxAge.isNegative()) throw new IllegalArgumentException("CORS max-age must be >= 0, was " + maxAge);
            this.maxAge = Optional.of(maxAge);
            return this;
        }

        private Cors build() {
            if (origins.isEmpty() && !matcherSet)
                throw new IllegalArgumentException(
                        "CORS allows no origin: call allowOrigins(...) or" + " allowOriginsMatching(...)");
            if (credentials && (origins.contains("*") || methods.contains("*") || headers.contains("*")))
                throw new IllegalArgumentException("CORS with credentials cannot use *: browsers refuse a wildcard"
                        + " when credentials are allowed; list the origins, methods and headers");
            return new Cors(this);
        }
    }
}
