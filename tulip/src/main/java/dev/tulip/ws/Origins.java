package dev.tulip.ws;

import java.util.Locale;
import java.util.Optional;

/**
 * Which browser origins may open a websocket: the page's own (its host and port are the request's
 * {@code Host}) and those a route allows. Checked because browsers send cookies with a websocket
 * handshake from any site (cross-site websocket hijacking); a request without {@code Origin} is
 * not from a browser and is accepted.
 */
final class Origins {
    private Origins() {}

    /** Whether a handshake with {@code origin} and {@code host} headers may proceed under {@code s}. */
    static boolean allowed(Optional<String> origin, Optional<String> host, Settings s) {
        if (origin.isEmpty() || s.anyOrigin()) return true;
        String o = origin.get().trim().toLowerCase(Locale.ROOT);
        int sep = o.indexOf("://");
        if (sep <= 0) return false; // "null" (a sandboxed page, a file) or garbage: only "*" lets it in
        o = normalize(o);
        if (s.origins().contains(o)) return true;
        if (host.isEmpty()) return false;
        String scheme = o.substring(0, sep);
        return o.substring(sep + 3)
                .equals(withoutDefaultPort(scheme, host.get().trim().toLowerCase(Locale.ROOT)));
    }

    /** {@code origin} (lower case) without its scheme's default port: {@code http://a:80} is {@code http://a}. */
    static String normalize(String origin) {
        int sep = origin.indexOf("://");
        String scheme = origin.substring(0, sep);
        return scheme + "://" + withoutDefaultPort(scheme, origin.substring(sep + 3));
    }

    private static String withoutDefaultPort(String scheme, String hostPort) {
        String port = switch (scheme) {
            case "http", "ws" -> ":80";
            case "https", "wss" -> ":443";
            default -> null;
        };
        return port != null && hostPort.endsWith(port)
                ? hostPort.substring(0, hostPort.length() - port.length())
                : hostPort;
    }
}
