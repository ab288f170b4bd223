package dev.tulip.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Server frames (RFC 6455 section 5.2: final, unmasked) and the rules for close codes. */
final class Frames {
    static final int CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xA;

    /** The longest close reason: a control payload is at most 125 bytes, two of them the code. */
    static final int MAX_REASON = 123;

    private Frames() {}

    /** A final frame with {@code opcode} around {@code payload} (not copied). */
    static ByteBuf frame(int opcode, byte[] payload) {
        return Unpooled.wrappedBuffer(header(opcode, payload.length), payload);
    }

    /** A close frame with {@code code} and {@code reason}; an empty one for {@code 1005} (no code). */
    static ByteBuf close(int code, String reason) {
        if (code == 1005) return frame(CLOSE, new byte[0]);
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        return frame(CLOSE, payload);
    }

    private static byte[] header(int opcode, int length) {
        byte first = (byte) (0x80 | opcode);
        if (length < 126) return new byte[] {first, (byte) length};
        if (length <= 0xffff) return new byte[] {first, 126, (byte) (length >> 8), (byte) length};
        byte[] h = new byte[10];
        h[0] = first;
        h[1] = 127;
        for (int i = 0; i < 8; i++) h[9 - i] = (byte) ((long) length >> (8 * i));
        return h;
    }

    /**
     * Whether {@code code} may appear in a close frame: the RFC's 1000-1003 and 1007-1011, IANA's
     * 1012-1014, and 3000-4999 for libraries and apps. 1004-1006 and 1015 are reserved, never sent.
     */
    static boolean validCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
