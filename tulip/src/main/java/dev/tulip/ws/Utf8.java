package dev.tulip.ws;

/**
 * An incremental UTF-8 validator (Björn Höhrmann's DFA): bytes go in one at a time, in as many
 * pieces as a message has fragments, and the state says whether what came so far is valid and
 * whether it ends on a whole character. It rejects what the JDK's strict decoder rejects: overlong
 * forms, surrogates, code points above U+10FFFF.
 */
final class Utf8 {
    /** The bytes so far are valid and end on a character boundary. */
    static final int ACCEPT = 0;
    /** The bytes so far can never become valid. */
    static final int REJECT = 12;

    private static final byte[] CLASSES = new byte[256];
    private static final byte[] NEXT = {
        0, 12, 24, 36, 60, 96, 84, 12, 12, 12, 48, 72, //
        12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, //
        12, 0, 12, 12, 12, 12, 12, 0, 12, 0, 12, 12, //
        12, 24, 12, 12, 12, 12, 12, 24, 12, 24, 12, 12, //
        12, 12, 12, 12, 12, 12, 12, 24, 12, 12, 12, 12, //
        12, 24, 12, 12, 12, 12, 12, 12, 12, 24, 12, 12, //
        12, 12, 12, 12, 12, 12, 12, 36, 12, 36, 12, 12, //
        12, 36, 12, 12, 12, 12, 12, 36, 12, 36, 12, 12, //
        12, 36, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12
    };

    static {
        fill(0x80, 0x8f, 1);
        fill(0x90, 0x9f, 9);
        fill(0xa0, 0xbf, 7);
        fill(0xc0, 0xc1, 8);
        fill(0xc2, 0xdf, 2);
        fill(0xe0, 0xe0, 10);
        fill(0xe1, 0xec, 3);
        fill(0xed, 0xed, 4);
        fill(0xee, 0xef, 3);
        fill(0xf0, 0xf0, 11);
        fill(0xf1, 0xf3, 6);
        fill(0xf4, 0xf4, 5);
        fill(0xf5, 0xff, 8);
    }

    private static void fill(int from, int to, int cls) {
        for (int b = from; b <= to; b++) CLASSES[b] = (byte) cls;
    }

    private Utf8() {}

    /** The state after {@code state} has seen byte {@code b}. */
    static int step(int state, byte b) {
        return NEXT[state + CLASSES[b & 0xff]];
    }

    /** The state after {@code state} has seen {@code bytes[from, to)}; stops early at {@link #REJECT}. */
    static int scan(int state, byte[] bytes, int from, int to) {
        for (int i = from; i < to && state != REJECT; i++) state = step(state, bytes[i]);
        return state;
    }

    /** Whether {@code bytes} is whole, valid UTF-8. */
    static boolean valid(byte[] bytes) {
        return scan(ACCEPT, bytes, 0, bytes.length) == ACCEPT;
    }
}
