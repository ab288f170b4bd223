package dev.tulip.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Percent-decoding of URL parts into UTF-8 text; malformed input is an {@link IllegalArgumentException}. */
public final class PercentDecoder {
    private PercentDecoder() {}

    /** Decodes {@code %XX} escapes; {@code +} stays {@code +} (paths). */
    public static String decode(String s) {
        return decode(s, false);
    }

    /** Decodes {@code %XX} escapes and, if {@code plusIsSpace}, {@code +} as space (queries and forms). */
    public static String decode(String s, boolean plusIsSpace) {
        int pct = s.indexOf('%');
        int plus = plusIsSpace ? s.indexOf('+') : -1;
        if (pct < 0 && plus < 0) return s;
        if (pct < 0) return s.replace('+', ' ');
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) throw new IllegalArgumentException("incomplete percent-escape in '" + s + "'");
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw new IllegalArgumentException("bad percent-escape in '" + s + "'");
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-escapes in '" + s + "' are not UTF-8");
        }
    }
}
