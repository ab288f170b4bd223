package dev.tulip;

import dev.tulip.internal.HttpDate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A cookie to set on the client ({@code Set-Cookie}), with all its attributes. Immutable: each
 * {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * Response.text("hi").cookie(Cookie.of("session", id).httpOnly().secure().sameSite(Cookie.SameSite.LAX).maxAge(Duration.ofHours(1)));
 * }</pre>
 */
public record Cookie(
        String name,
        String value,
        Optional<String> path,
        Optional<String> domain,
        Optional<Duration> maxAge,
        Optional<Instant> expires,
        boolean isSecure,
        boolean isHttpOnly,
        Optional<SameSite> sameSite,
        boolean isPartitioned) {

    /** The {@code SameSite} attribute. */
    public enum SameSite {
        /** Sent with same-site requests and top-level navigations. */
        LAX("Lax"),
        /** Sent with same-site requests only. */
        STRICT("Strict"),
        /** Sent with all requests; browsers require {@code Secure} with it. */
        NONE("None");

        private final String text;

        SameSite(String text) {
            this.text = text;
        }
    }

    /** Validates the name (an HTTP token) and the value (cookie-octets, optionally in double quotes). */
    public Cookie {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("cookie name must not be empty");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c > 0x20 && c < 0x7f) || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("invalid character in cookie name: " + name);
            }
        }
        if (value == null) throw new IllegalArgumentException("cookie value must not be null");
        String v = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw new IllegalArgumentException(
                        "invalid character in value of cookie " + name + " (encode it, e.g. URL-encode)");
            }
        }
        checkAttr("path", path);
        checkAttr("domain", domain);
    }

    private static void checkAttr(String what, Optional<String> v) {
        v.ifPresent(s -> {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c >= 0x7f || c == ';')
                    throw new IllegalArgumentException("invalid character in cookie " + what);
            }
        });
    }

    /** A session cookie {@code name=value} with no attributes. */
    public static Cookie of(String name, String value) {
        return new Cookie(
                name,
                value,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                Optional.empty(),
                false);
    }

    /** A cookie that tells the client to delete {@code name} (empty value, {@code Max-Age=0}). */
    public static Cookie expired(String name) {
        return of(name, "").maxAge(Duration.ZERO);
    }

    /** With a {@code Path} attribute. */
    public Cookie path(String path) {
        return new Cookie(
                name, value, Optional.of(path), domain, maxAge, expires, isSecure, isHttpOnly, sameSite, isPartitioned);
    }

    /** With a {@code Domain} attribute. */
    public Cookie domain(String domain) {
        return new Cookie(
                name, value, path, Optional.of(domain), maxAge, expires, isSecure, isHttpOnly, sameSite, isPartitioned);
    }

    /** With a {@code Max-Age} attribute (whole seconds; zero deletes the cookie). */
    public Cookie maxAge(Duration maxAge) {
        return new Cookie(
                name, value, path, domain, Optional.of(maxAge), expires, isSecure, isHttpOnly, sameSite, isPartitioned);
    }

    /** With an {@code Expires} attribute. */
    public Cookie expires(Instant expires) {
        return new Cookie(
                name, value, path, domain, maxAge, Optional.of(expires), isSecure, isHttpOnly, sameSite, isPartitioned);
    }

    /** With the {@code Secure} attribute: sent over HTTPS only. */
    public Cookie secure() {
        return new Cookie(name, value, path, domain, maxAge, expires, true, isHttpOnly, sameSite, isPartitioned);
    }

    /** With the {@code HttpOnly} attribute: hidden from scripts. */
    public Cookie httpOnly() {
        return new Cookie(name, value, path, domain, maxAge, expires, isSecure, true, sameSite, isPartitioned);
    }

    /** With a {@code SameSite} attribute. */
    public Cookie sameSite(SameSite sameSite) {
        return new Cookie(
                name, value, path, domain, maxAge, expires, isSecure, isHttpOnly, Optional.of(sameSite), isPartitioned);
    }

    /** With the {@code Partitioned} attribute (CHIPS). */
    public Cookie partitioned() {
        return new Cookie(name, value, path, domain, maxAge, expires, isSecure, isHttpOnly, sameSite, true);
    }

    /** The {@code Set-Cookie} header value. */
    public String toSetCookie() {
        StringBuilder sb = new StringBuilder(name.length() + value.length() + 16)
                .append(name)
                .append('=')
                .append(value);
        path.ifPresent(p -> sb.append("; Path=").append(p));
        domain.ifPresent(d -> sb.append("; Domain=").append(d));
        maxAge.ifPresent(m -> sb.append("; Max-Age=").append(Math.max(0, m.toSeconds())));
        expires.ifPresent(e -> sb.append("; Expires=").append(HttpDate.format(e)));
        if (isSecure) sb.append("; Secure");
        if (isHttpOnly) sb.append("; HttpOnly");
        sameSite.ifPresent(s -> sb.append("; SameSite=").append(s.text));
        if (isPartitioned) sb.append("; Partitioned");
        return sb.toString();
    }
}
