package dev.tulip.client.internal;

import java.net.URI;
import java.util.Locale;

/** Where connections go: scheme, host and port; one pool each. */
record Origin(String scheme, String host, int port) {
    static Origin of(URI uri) {
        return new Origin(
                uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost().toLowerCase(Locale.ROOT), Urls.port(uri));
    }

    boolean tls() {
        return scheme.equals("https");
    }
}
