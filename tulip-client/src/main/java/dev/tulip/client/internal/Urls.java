package dev.tulip.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** URLs of requests: a base URL and a path, query parameters, origins. */
public final class Urls {
    private static final String HEX = "0123456789ABCDEF";

    private Urls() {}

    /**
     * {@code url} itself when absolute ({@code http://...}), else appended to {@code base} (its path
     * and {@code url}'s joined by one slash); a relative URL without a base is an error that says so.
     */
    public static URI resolve(Optional<URI> base, String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) return check(URI.create(url), url);
        if (base.isEmpty())
            throw new IllegalArgumentException("'" + url + "' is not an absolute URL (http://host/...);"
                    + " give the whole URL or set cfg.baseUrl(...)");
        String b = base.get().toString();
        String joined = b.endsWith("/") && url.startsWith("/")
                ? b + url.substring(1)
                : b.endsWith("/") || url.startsWith("/") || url.isEmpty() || url.startsWith("?")
                        ? b + url
                        : b + "/" + url;
        return check(URI.create(joined), joined);
    }

    private static URI check(URI uri, String text) {
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())))
            throw new IllegalArgumentException("'" + text + "' is not an http:// or https:// URL with a host");
        return uri;
    }

    /** {@code uri} with {@code name=value} added to its query, both percent-encoded (RFC 3986 unreserved kept). */
    public static URI addQuery(URI uri, String name, String value) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        if (hash >= 0) s = s.substring(0, hash);
        String sep = uri.getRawQuery() == null ? "?" : s.endsWith("?") || s.endsWith("&") ? "" : "&";
        return URI.create(s + sep + encode(name) + "=" + encode(value));
    }

    /** {@code s} percent-encoded for a query name or value: everything but {@code A-Z a-z 0-9 - . _ ~}. */
    public static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') out.append((char) c);
            else out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
        }
        return out.toString();
    }

    /** The port, the scheme's default when the URL has none. */
    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    /** Whether two URLs share scheme, host and port. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    /** The target of the request line: path (at least {@code /}) and query. */
    static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The {@code Host} header: the host, and the port unless it is the scheme's default. */
    static String hostHeader(URI uri) {
        String host = uri.getHost();
        return uri.getPort() < 0 || uri.getPort() == ("https".equals(uri.getScheme()) ? 443 : 80)
                ? host
                : host + ":" + uri.getPort();
    }

    /**
     * The URL for messages: without user info, query or fragment, which may hold secrets (a failure
     * that escapes a handler is answered with its message).
     */
    static String display(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getScheme() + "://" + hostHeader(uri) + path;
    }

    /** The URL without user info or fragment. */
    static String full(URI uri) {
        return uri.getScheme() + "://" + hostHeader(uri) + target(uri);
    }
}
