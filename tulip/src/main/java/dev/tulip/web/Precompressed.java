package dev.tulip.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which precompressed siblings ({@code name.br}, {@code name.gz}) a request's
 * {@code Accept-Encoding} takes, best first: by q-value (RFC 9110 §12.5.3; {@code q=0} refuses,
 * {@code *} stands for codings not named), brotli before gzip at equal q. No header: none.
 */
final class Precompressed {
    /** A coding and the file suffix of its sibling. */
    record Coding(String name, String suffix) {}

    static final Coding BR = new Coding("br", ".br");
    static final Coding GZIP = new Coding("gzip", ".gz");

    private Precompressed() {}

    static List<Coding> accepted(List<String> acceptEncoding) {
        if (acceptEncoding.isEmpty()) return List.of();
        int br = -1;
        int gzip = -1;
        int star = -1;
        for (String element : String.join(",", acceptEncoding).split(",")) {
            int semi = element.indexOf(';');
            String coding =
                    (semi < 0 ? element : element.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            int q = semi < 0 ? 1000 : q(element.substring(semi + 1));
            if (q < 0) continue;
            switch (coding) {
                case "br" -> br = q;
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
                case "*" -> star = q;
                default -> {}
            }
        }
        if (br < 0) br = star;
        if (gzip < 0) gzip = star;
        List<Coding> out = new ArrayList<>(2);
        if (br > 0 && br >= gzip) out.add(BR);
        if (gzip > 0) out.add(GZIP);
        if (br > 0 && br < gzip) out.add(BR);
        return out;
    }

    /** The {@code q} of {@code params} in thousandths (1000 if absent), -1 if malformed. */
    private static int q(String params) {
        for (String p : params.split(";")) {
            int eq = p.indexOf('=');
            if (eq < 0 || !p.substring(0, eq).trim().equalsIgnoreCase("q")) continue;
            String v = p.substring(eq + 1).trim();
            if (!v.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) return -1;
            return (int) Math.round(Double.parseDouble(v) * 1000);
        }
        return 1000;
    }
}
