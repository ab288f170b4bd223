package dev.tulip.web;

import dev.tulip.Request;
import java.util.Locale;

/**
 * Whether a request reached the app over HTTPS, for the {@code Secure} attribute of the cookies
 * set here. Tulip serves plain HTTP, so HTTPS means a TLS proxy in front that says so in
 * {@code Forwarded: proto=https} or {@code X-Forwarded-Proto: https}. A client can send those
 * itself, but the worst it gets is a {@code Secure} cookie of its own that it then cannot send
 * back over HTTP; behind a TLS proxy, set {@code secure(true)} rather than rely on this.
 */
final class Scheme {
    private Scheme() {}

    static boolean isHttps(Request req) {
        var xfp = req.header("X-Forwarded-Proto");
        if (xfp.isPresent()) return firstElement(xfp.get()).equalsIgnoreCase("https");
        var fwd = req.header("Forwarded");
        if (fwd.isPresent()) {
            for (String pair : firstElement(fwd.get()).split(";")) {
                String p = pair.trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("proto="))
                    return p.substring(6).replace("\"", "").equals("https");
            }
        }
        return false;
    }

    private static String firstElement(String list) {
        int comma = list.indexOf(',');
        return (comma < 0 ? list : list.substring(0, comma)).trim();
    }
}
