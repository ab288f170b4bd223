package dev.tulip.web;

import dev.tulip.Request;
import java.util.Optional;

/**
 * The conditional request headers of RFC 9110 §13 against one representation's validators, in
 * the order of §13.2.2: {@code If-Match}, else {@code If-Unmodified-Since} (412 when they fail),
 * then {@code If-None-Match}, else {@code If-Modified-Since} (304 when they match), and last
 * {@code If-Range}, which decides whether a {@code Range} is honoured. A date that does not parse
 * is ignored, as the RFC says.
 */
final class Preconditions {
    enum Outcome {
        PROCEED,
        NOT_MODIFIED,
        FAILED
    }

    private Preconditions() {}

    /** What {@code req} asks of a representation with {@code etag} (strong) modified at {@code modified} (epoch seconds, -1 unknown). */
    static Outcome evaluate(Request req, String etag, long modified) {
        Optional<String> ifMatch = req.header("If-Match");
        if (ifMatch.isPresent()) {
            if (!matches(ifMatch.get(), etag, false)) return Outcome.FAILED;
        } else {
            Optional<Long> since = req.header("If-Unmodified-Since").flatMap(HttpDates::parse);
            // ignored for a resource without a modification date (RFC 9110 §13.1.4)
            if (since.isPresent() && modified >= 0 && modified > since.get()) return Outcome.FAILED;
        }
        Optional<String> ifNoneMatch = req.header("If-None-Match");
        if (ifNoneMatch.isPresent()) {
            if (matches(ifNoneMatch.get(), etag, true)) return Outcome.NOT_MODIFIED;
        } else if (modified >= 0) {
            Optional<Long> since = req.header("If-Modified-Since").flatMap(HttpDates::parse);
            if (since.isPresent() && modified <= since.get()) return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /** Whether a {@code Range} of {@code req} applies: no {@code If-Range}, or one naming this representation. */
    static boolean rangeApplies(Request req, String etag, long modified) {
        Optional<String> ifRange = req.header("If-Range");
        if (ifRange.isEmpty()) return true;
        String v = ifRange.get().trim();
        if (v.startsWith("\"") || v.startsWith("W/")) return v.equals(etag); // a strong comparison
        return modified >= 0 && HttpDates.parse(v).map(d -> d == modified).orElse(false);
    }

    /** Whether the list {@code header} ({@code *} or entity tags) names {@code etag}; {@code weak}: W/ ignored on both sides. */
    static boolean matches(String header, String etag, boolean weak) {
        String h = header.trim();
        if (h.equals("*")) return true;
        for (String tag : h.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                if (!weak) continue;
                t = t.substring(2);
            }
            if (t.equals(etag)) return true;
        }
        return false;
    }
}
