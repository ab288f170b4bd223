package dev.tulip.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: an incoming {@code X-Request-Id} is kept when it is a sane token (so a chain of
 * services logs one id), anything else is replaced by 16 random hex digits. The ids correlate
 * logs; they are not secrets, so a fast random source is enough.
 */
public final class RequestIds {
    /** The header read and, with the {@code request-ids} setting, sent. */
    public static final String HEADER = "X-Request-Id";

    /** Longest incoming id kept. */
    public static final int MAX_LENGTH = 128;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {}

    /** {@code incoming} if it is a valid id, else a new one. */
    public static String of(String incoming) {
        return valid(incoming) ? incoming : generate();
    }

    /** 1-128 characters of letters, digits and {@code - _ . : / + = @}: nothing that could forge a log line. */
    static boolean valid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) return false;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-_.:/+=@".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    static String generate() {
        long v = ThreadLocalRandom.current().nextLong();
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
        return new String(out);
    }
}
