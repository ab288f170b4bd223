package dev.tulip.pg.internal;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A {@code postgres://} url to Vert.x options; errors and {@link #redacted} never show the password. */
public final class ConnectUrl {
    private ConnectUrl() {}

    /** The options of {@code url}, or an error naming the url without its password. */
    public static PgConnectOptions parse(String url) {
        try {
            return PgConnectOptions.fromUri(url.replaceFirst("^postgres://", "postgresql://"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a PostgreSQL url: " + redacted(url)
                    + "; expected postgres://user:password@host:port/database?sslmode=...");
        }
    }

    /** {@code url} with its password replaced by {@code ***}. */
    public static String redacted(String url) {
        return url.replaceFirst("(://[^:/@]*):[^@]*@", "$1:***@");
    }

    /** The query parameters of {@code url}, decoded. */
    static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q == null) return out;
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0)
                out.put(
                        URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
