package dev.tulip.internal.http;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The token-level rules of HTTP/1.1 request syntax that {@link RequestParser} applies: methods,
 * versions, field names, {@code Content-Length}, {@code Transfer-Encoding} and chunk sizes. Each
 * violation is a {@link BadRequest} carrying the status to answer.
 */
final class HttpSyntax {
    private HttpSyntax() {}

    static final boolean[] TCHAR = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            TCHAR[c] = c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }

    /** RFC 3986 unreserved and sub-delims: the characters of a reg-name (a host name) besides pct-encoded. */
    private static final boolean[] REG_NAME = new boolean[256];
    /** RFC 3986 pchar plus '/' and '?': what an origin-form target may hold besides pct-encoded. */
    private static final boolean[] TARGET = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            boolean unreserved =
                    c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0;
            boolean subDelim = "!$&'()*+,;=".indexOf(c) >= 0;
            REG_NAME[c] = unreserved || subDelim;
            TARGET[c] = unreserved || subDelim || ":@/?".indexOf(c) >= 0;
        }
    }

    /**
     * Whether a {@code Host} value is {@code uri-host [":" port]} (RFC 9110 §7.2, RFC 3986 §3.2.2):
     * a reg-name, an IPv4 address, or an IP-literal in brackets, then an optional port of digits.
     * An empty value is allowed (RFC 9112 §3.2: a target without an authority).
     */
    static boolean validHost(String v) {
        int n = v.length();
        int i = 0;
        if (n > 0 && v.charAt(0) == '[') {
            int close = v.indexOf(']');
            if (close < 2) return false;
            for (int j = 1; j < close; j++) {
                char c = v.charAt(j);
                if (!(c >= '0' && c <= '9'
                        || c >= 'a' && c <= 'f'
                        || c >= 'A' && c <= 'F'
                        || c == ':'
                        || c == '.'
                        || c == 'v'
                        || c == 'V')) return false;
            }
            i = close + 1;
        } else {
            while (i < n && v.charAt(i) != ':') {
                char c = v.charAt(i);
                if (c == '%') {
                    if (i + 2 >= n || !hex(v.charAt(i + 1)) || !hex(v.charAt(i + 2))) return false;
                    i += 3;
                    continue;
                }
                if (c >= 128 || !REG_NAME[c]) return false;
                i++;
            }
        }
        if (i == n) return true;
        if (v.charAt(i) != ':') return false;
        for (int j = i + 1; j < n; j++) if (v.charAt(j) < '0' || v.charAt(j) > '9') return false;
        return n - i - 1 <= 5;
    }

    /**
     * What is wrong with an origin-form target in {@code h[from, to)} (RFC 9112 §3.2.1: an
     * absolute path and an optional query, of pchars, '/', '?' and %XX; no fragment), or null.
     */
    static String targetProblem(byte[] h, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = h[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= to || !hex((char) h[i + 1]) || !hex((char) h[i + 2]))
                    return "malformed percent-encoding in request target";
                i += 2;
            } else if (c == '#') {
                return "a fragment (#) is not part of a request target";
            } else if (c >= 128 || !TARGET[c]) {
                return "character '" + (char) c + "' must be percent-encoded in a request target";
            }
        }
        return null;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    static BadRequest bad(String message) {
        return new BadRequest(400, message);
    }

    static boolean startsWithIgnoreCase(byte[] h, int from, int to, String prefix) {
        if (to - from < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (Character.toLowerCase(h[from + i]) != prefix.charAt(i)) return false;
        }
        return true;
    }

    static String method(byte[] h, int len) {
        switch (len) {
            case 3 -> {
                if (h[0] == 'G' && h[1] == 'E' && h[2] == 'T') return "GET";
                if (h[0] == 'P' && h[1] == 'U' && h[2] == 'T') return "PUT";
            }
            case 4 -> {
                if (h[0] == 'P' && h[1] == 'O' && h[2] == 'S' && h[3] == 'T') return "POST";
                if (h[0] == 'H' && h[1] == 'E' && h[2] == 'A' && h[3] == 'D') return "HEAD";
            }
            default -> {}
        }
        String m = new String(h, 0, len, StandardCharsets.US_ASCII);
        return switch (m) {
            case "DELETE" -> "DELETE";
            case "PATCH" -> "PATCH";
            case "OPTIONS" -> "OPTIONS";
            default -> m;
        };
    }

    static String version(byte[] h, int from, int to) {
        if (to - from == 8
                && h[from] == 'H'
                && h[from + 1] == 'T'
                && h[from + 2] == 'T'
                && h[from + 3] == 'P'
                && h[from + 4] == '/'
                && h[from + 6] == '.') {
            byte major = h[from + 5], minor = h[from + 7];
            if (major == '1' && minor == '1') return "HTTP/1.1";
            if (major == '1' && minor == '0') return "HTTP/1.0";
            if (major >= '0' && major <= '9' && minor >= '0' && minor <= '9') {
                throw new BadRequest(505, "HTTP version " + (char) major + "." + (char) minor + " is not supported");
            }
        }
        throw bad("malformed HTTP version");
    }

    /** Validates a field name and returns the index of its colon. */
    static int parseFieldName(byte[] h, int start, int end) {
        if (h[start] == ' ' || h[start] == '\t') throw bad("obsolete line folding is not allowed");
        for (int i = start; i < end; i++) {
            int c = h[i] & 0xff;
            if (c == ':') {
                if (i == start) throw bad("empty header name");
                return i;
            }
            if (!TCHAR[c]) {
                if (c == ' ' || c == '\t') throw bad("whitespace before the colon of a header");
                throw bad("invalid character in header name");
            }
        }
        throw bad("header line without a colon");
    }

    /** Common names as constants (so switch-by-name works and repeated names allocate nothing). */
    static String fieldName(byte[] h, int from, int to) {
        String known = switch (to - from) {
            case 4 -> eq(h, from, "Host") ? "Host" : null;
            case 6 ->
                eq(h, from, "Accept")
                        ? "Accept"
                        : eq(h, from, "Cookie") ? "Cookie" : eq(h, from, "Expect") ? "Expect" : null;
            case 10 -> eq(h, from, "Connection") ? "Connection" : eq(h, from, "User-Agent") ? "User-Agent" : null;
            case 12 -> eq(h, from, "Content-Type") ? "Content-Type" : null;
            case 13 -> eq(h, from, "Authorization") ? "Authorization" : null;
            case 14 -> eq(h, from, "Content-Length") ? "Content-Length" : null;
            case 15 ->
                eq(h, from, "Accept-Encoding")
                        ? "Accept-Encoding"
                        : eq(h, from, "Accept-Language") ? "Accept-Language" : null;
            case 17 -> eq(h, from, "Transfer-Encoding") ? "Transfer-Encoding" : null;
            default -> null;
        };
        return known != null ? known : new String(h, from, to - from, StandardCharsets.ISO_8859_1);
    }

    static boolean eq(byte[] h, int from, String name) {
        for (int i = 0; i < name.length(); i++) {
            int a = h[from + i], b = name.charAt(i);
            if (a != b && (a | 0x20) != (b | 0x20)) return false;
            if (a != b && !Character.isLetter(b)) return false;
        }
        return true;
    }

    static long parseContentLength(String v) {
        if (v.isEmpty() || v.length() > 18) throw bad("malformed Content-Length");
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') throw bad("malformed Content-Length");
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Only a final {@code chunked} is accepted; other codings before it are not implemented. */
    static boolean checkTransferEncoding(String te) {
        String[] codings = te.split(",", -1);
        for (int i = 0; i < codings.length; i++) {
            String c = codings[i].trim();
            if (c.isEmpty()) throw bad("malformed Transfer-Encoding");
            boolean chunked = c.equalsIgnoreCase("chunked");
            if (i < codings.length - 1) {
                if (chunked) throw bad("chunked must be the last transfer coding, and only once");
                for (int j = 0; j < c.length(); j++)
                    if (!TCHAR[c.charAt(j) & 0xff]) throw bad("malformed Transfer-Encoding");
            } else if (!chunked) {
                throw bad("Transfer-Encoding must end with chunked");
            }
        }
        if (codings.length > 1) throw new BadRequest(501, "transfer codings other than chunked are not supported");
        return true;
    }

    static long parseChunkSize(ByteBuf in, int from, int cr) {
        long size = 0;
        int i = from, digits = 0;
        for (; i < cr; i++) {
            int d = Character.digit(in.getByte(i), 16);
            if (d < 0) break;
            if (++digits > 15) throw bad("chunk size too large");
            size = size << 4 | d;
        }
        if (digits == 0) throw bad("malformed chunk size");
        if (i < cr) checkChunkExtensions(in, i, cr);
        return size;
    }

    /**
     * RFC 9112 §7.1.1: {@code *( BWS ";" BWS token [ BWS "=" BWS ( token / quoted-string ) ] )}.
     * Extensions are ignored, but only well-formed ones: a server that skips anything after a
     * {@code ;} reads a chunk boundary where a stricter proxy in front of it does not.
     */
    private static void checkChunkExtensions(ByteBuf in, int i, int cr) {
        do {
            i = skipBlanks(in, i, cr);
            if (i == cr || in.getByte(i) != ';') throw bad("malformed chunk size");
            i = skipBlanks(in, i + 1, cr);
            int name = i;
            while (i < cr && TCHAR[in.getByte(i) & 0xff]) i++;
            if (i == name) throw bad("malformed chunk extension: a name must follow ';'");
            int afterName = i;
            i = skipBlanks(in, i, cr);
            if (i == cr || in.getByte(i) != '=') {
                i = afterName; // no value: what follows must be the next ';' (or the end)
                continue;
            }
            i = skipBlanks(in, i + 1, cr);
            if (i < cr && in.getByte(i) == '"') {
                i = quotedString(in, i + 1, cr);
            } else {
                int value = i;
                while (i < cr && TCHAR[in.getByte(i) & 0xff]) i++;
                if (i == value) throw bad("malformed chunk extension: a value must follow '='");
            }
        } while (i < cr);
    }

    /** The index after the closing quote of a quoted-string whose content starts at {@code i}. */
    private static int quotedString(ByteBuf in, int i, int end) {
        while (i < end) {
            int c = in.getByte(i) & 0xff;
            if (c == '"') return i + 1;
            if (c == '\\') {
                if (++i >= end) break;
                c = in.getByte(i) & 0xff;
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) throw bad("control character in chunk extension");
            i++;
        }
        throw bad("malformed chunk extension: unterminated quoted value");
    }

    private static int skipBlanks(ByteBuf in, int i, int end) {
        while (i < end && (in.getByte(i) == ' ' || in.getByte(i) == '\t')) i++;
        return i;
    }
}
