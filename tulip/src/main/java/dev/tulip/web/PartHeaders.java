package dev.tulip.web;

import dev.tulip.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A part's header lines, and what {@code Content-Disposition: form-data; name=...; filename=...}
 * says; the file name as sent and as made safe to use as a file name.
 */
record PartHeaders(
        Map<String, String> fields, String name, Optional<String> submittedFilename, Optional<String> contentType) {

    private static final Set<String> RESERVED = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final int MAX_FILENAME_BYTES = 255;

    static PartHeaders parse(List<String> lines, int index) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) throw bad(index, "a header line without a name: '" + line + "'");
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            fields.putIfAbsent(name, line.substring(colon + 1).trim());
        }
        String disposition = fields.get("content-disposition");
        if (disposition == null) throw bad(index, "no Content-Disposition header");
        Map<String, String> params = new LinkedHashMap<>();
        String type = params(disposition, params);
        if (!type.equalsIgnoreCase("form-data")) throw bad(index, "Content-Disposition must be form-data, was " + type);
        String name = params.get("name");
        if (name == null || name.isEmpty()) throw bad(index, "Content-Disposition has no name");
        String filename = params.containsKey("filename*") ? extended(params.get("filename*")) : params.get("filename");
        return new PartHeaders(
                Map.copyOf(fields),
                name,
                Optional.ofNullable(filename),
                Optional.ofNullable(fields.get("content-type")));
    }

    /** The charset of the part's {@code Content-Type}, UTF-8 if none (or one not known). */
    Charset charset() {
        if (contentType.isEmpty()) return StandardCharsets.UTF_8;
        Map<String, String> p = new LinkedHashMap<>();
        params(contentType.get(), p);
        try {
            return p.containsKey("charset") ? Charset.forName(p.get("charset")) : StandardCharsets.UTF_8;
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The value before the first ';', and the parameters after it (names lower-cased, quotes undone). */
    private static String params(String value, Map<String, String> into) {
        int i = value.indexOf(';');
        String head = (i < 0 ? value : value.substring(0, i)).trim();
        while (i >= 0 && i < value.length()) {
            int eq = value.indexOf('=', i + 1);
            if (eq < 0) break;
            String key = value.substring(i + 1, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < value.length() && value.charAt(j) == ' ') j++;
            StringBuilder v = new StringBuilder();
            if (j < value.length() && value.charAt(j) == '"') {
                j++;
                while (j < value.length() && value.charAt(j) != '"') {
                    char c = value.charAt(j);
                    // browsers send a file name's own backslashes raw: only \" and \\ are escapes
                    if (c == '\\'
                            && j + 1 < value.length()
                            && (value.charAt(j + 1) == '"' || value.charAt(j + 1) == '\\')) c = value.charAt(++j);
                    v.append(c);
                    j++;
                }
                i = value.indexOf(';', j);
            } else {
                int semi = value.indexOf(';', j);
                v.append((semi < 0 ? value.substring(j) : value.substring(j, semi)).trim());
                i = semi;
            }
            into.putIfAbsent(key, v.toString());
        }
        return head;
    }

    /** An RFC 8187 value, {@code UTF-8''%e2%82%ac%20rates.txt}. */
    private static String extended(String value) {
        int q = value.indexOf("''");
        if (q < 0) return value;
        Charset cs;
        try {
            cs = Charset.forName(value.substring(0, q));
        } catch (RuntimeException unknown) {
            cs = StandardCharsets.UTF_8;
        }
        var out = new ByteArrayOutputStream();
        String enc = value.substring(q + 2);
        for (int i = 0; i < enc.length(); i++) {
            char c = enc.charAt(i);
            if (c == '%' && i + 2 < enc.length()) {
                int hi = Character.digit(enc.charAt(i + 1), 16);
                int lo = Character.digit(enc.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            out.write(c);
        }
        return out.toString(cs);
    }

    /**
     * {@code submitted} made safe as a file name: the last path segment only (either slash), no
     * control characters, none of {@code <>:"|?*}, no leading dots or trailing dots and spaces, not
     * a Windows device name, at most 255 UTF-8 bytes (keeping the extension); {@code "upload"} if
     * nothing is left.
     */
    static String safeFilename(String submitted) {
        String s = submitted;
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        if (cut >= 0) s = s.substring(cut + 1);
        var b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || "<>:\"|?*".indexOf(cp) >= 0) b.append('_');
            else b.appendCodePoint(cp);
        });
        s = b.toString().strip();
        int start = 0;
        while (start < s.length() && s.charAt(start) == '.') start++;
        int stop = s.length();
        while (stop > start && (s.charAt(stop - 1) == '.' || s.charAt(stop - 1) == ' ')) stop--;
        s = s.substring(start, stop);
        if (s.isEmpty()) return "upload";
        int dot = s.indexOf('.');
        String stem = (dot < 0 ? s : s.substring(0, dot)).toLowerCase(Locale.ROOT);
        if (RESERVED.contains(stem)) s = "_" + s;
        return truncate(s);
    }

    private static String truncate(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_FILENAME_BYTES) return s;
        int dot = s.lastIndexOf('.');
        String ext = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
        int budget = MAX_FILENAME_BYTES - ext.getBytes(StandardCharsets.UTF_8).length;
        var stem = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length() - ext.length(); ) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > budget) break;
            stem.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return stem + ext;
    }

    private static HttpException bad(int index, String message) {
        return new HttpException(400, "malformed multipart body: part " + index + ": " + message);
    }
}
