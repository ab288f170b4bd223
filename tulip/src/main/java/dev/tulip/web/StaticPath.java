package dev.tulip.web;

import dev.tulip.HttpException;
import java.util.Optional;

/**
 * The relative path a {@link StaticFiles} request asks for, checked before it meets the file
 * system. The value is already percent-decoded once (the router decodes path parameters), so a
 * double-encoded {@code %252e%252e} arrives as the harmless name {@code %2e%2e}. Refused as
 * malformed (400): NUL and other control characters, backslashes, a drive letter or any colon, an
 * absolute path, and the dot-segments {@code .} and {@code ..}. Not found (empty): a hidden name
 * (a segment starting with a dot) unless dotfiles are allowed, and an empty segment ({@code a//b}).
 */
final class StaticPath {
    private StaticPath() {}

    /** {@code raw} as a clean relative path ({@code ""} for the root, a trailing {@code /} kept), or empty for a 404. */
    static Optional<String> clean(String raw, boolean dotfiles) {
        if (raw.startsWith("/")) throw malformed("an absolute path");
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) throw malformed("a control character");
            if (c == '\\') throw malformed("a backslash");
            if (c == ':') throw malformed("a colon (a drive letter or a stream name)");
        }
        String[] segments = raw.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals(".") || s.equals("..")) throw malformed("a dot-segment");
            if (s.isEmpty() && i < segments.length - 1) return Optional.empty();
            if (s.startsWith(".") && !dotfiles) return Optional.empty();
        }
        return Optional.of(raw);
    }

    private static HttpException malformed(String what) {
        return new HttpException(400, "a static file path may not contain " + what);
    }
}
