package dev.tulip.ws;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a client's frames (RFC 6455 section 5) into whole messages, enforcing every rule of the
 * RFC on the way; a broken rule is a {@link ProtocolException} with the close code to send:
 *
 * <ul>
 *   <li>1002: reserved bits set (no extension is negotiated), an unmasked frame, a reserved
 *       opcode, a fragmented control frame or one over 125 bytes, a continuation frame with no
 *       message to continue, a new message inside a fragmented one, a length not in its minimal
 *       encoding or with the top bit set, a close frame of one byte or with a code no endpoint may
 *       send (1004-1006, 1015, below 1000, 1016-2999, 5000 and up);
 *   <li>1007: a text message or a close reason that is not UTF-8 (checked as the bytes come, so a
 *       bad byte fails at once, in whichever fragment it is);
 *   <li>1009: a frame over {@code maxFrameSize} or a message over {@code maxMessageSize}, refused
 *       from the frame's header, before its payload is read.
 * </ul>
 *
 * Payloads are unmasked and copied as they arrive, so a large frame is never held twice; nothing
 * after a close frame is read.
 */
final class FrameReader {
    private static final byte[] EMPTY = new byte[0];

    /** What the frames say. */
    interface Sink {
        void message(Message message);

        void ping(byte[] payload);

        void pong();

        void close(int code, String reason);
    }

    /** A rule of the protocol was broken; close with {@link #code} and the message as the reason. */
    static final class ProtocolException extends Exception {
        final int code;

        ProtocolException(int code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }

    private final int maxFrame;
    private final int maxMessage;

    // the frame being read: its header is consumed, `remaining` payload bytes are not
    private boolean inFrame;
    private int opcode;
    private boolean fin;
    private long remaining;
    private long position;
    private final byte[] mask = new byte[4];
    // the message being read (TEXT or BINARY; -1 between messages) and its bytes so far
    private int messageType = -1;
    private byte[] message = EMPTY;
    private int messageLength;
    private int utf8 = Utf8.ACCEPT;
    private final byte[] control = new byte[125];
    private int controlLength;
    private boolean closed;

    FrameReader(int maxFrame, int maxMessage) {
        this.maxFrame = maxFrame;
        this.maxMessage = maxMessage;
    }

    /**
     * Reads from {@code in} until it needs more bytes or has delivered one data message (so the
     * caller can stop between messages); returns whether it delivered one.
     */
    boolean read(ByteBuf in, Sink sink) throws ProtocolException {
        while (!closed) {
            if (!inFrame && !readHeader(in)) return false;
            int n = (int) Math.min(remaining, in.readableBytes());
            if (opcode >= Frames.CLOSE) {
                readPayload(in, control, controlLength, n);
                controlLength += n;
            } else {
                readPayload(in, message, messageLength, n);
                if (messageType == Frames.TEXT) {
                    utf8 = Utf8.scan(utf8, message, messageLength, messageLength + n);
                    if (utf8 == Utf8.REJECT) throw new ProtocolException(1007, "text message is not valid UTF-8");
                }
                messageLength += n;
            }
            remaining -= n;
            if (remaining > 0) return false;
            inFrame = false;
            if (opcode >= Frames.CLOSE) {
                control(sink);
            } else if (fin) {
                sink.message(takeMessage());
                return true;
            }
        }
        return false;
    }

    private boolean readHeader(ByteBuf in) throws ProtocolException {
        if (in.readableBytes() < 2) return false;
        int i = in.readerIndex();
        int b0 = in.getByte(i) & 0xff;
        int b1 = in.getByte(i + 1) & 0xff;
        int op = b0 & 0x0f;
        boolean last = (b0 & 0x80) != 0;
        if ((b0 & 0x70) != 0) throw new ProtocolException(1002, "reserved bits set, and no extension was negotiated");
        if ((b1 & 0x80) == 0) throw new ProtocolException(1002, "client frames must be masked");
        int len7 = b1 & 0x7f;
        int headerLength = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + 4;
        if (in.readableBytes() < headerLength) return false;
        long length = len7;
        if (len7 == 126) {
            length = in.getUnsignedShort(i + 2);
            if (length < 126) throw new ProtocolException(1002, "frame length not in its minimal encoding");
        } else if (len7 == 127) {
            length = in.getLong(i + 2);
            if (length < 0) throw new ProtocolException(1002, "frame length has its most significant bit set");
            if (length <= 0xffff) throw new ProtocolException(1002, "frame length not in its minimal encoding");
        }
        if (op >= Frames.CLOSE) {
            if (op > Frames.PONG) throw new ProtocolException(1002, "reserved control opcode " + op);
            if (!last) throw new ProtocolException(1002, "control frames must not be fragmented");
            if (length > 125) throw new ProtocolException(1002, "control frame payload over 125 bytes");
            if (op == Frames.CLOSE && length == 1) throw new ProtocolException(1002, "close frame of one byte");
            controlLength = 0;
        } else {
            if (op > Frames.BINARY) throw new ProtocolException(1002, "reserved data opcode " + op);
            if (op == Frames.CONTINUATION && messageType < 0)
                throw new ProtocolException(1002, "continuation frame without a message to continue");
            if (op != Frames.CONTINUATION && messageType >= 0)
                throw new ProtocolException(1002, "new message inside a fragmented one (continuation expected)");
            if (length > maxFrame)
                throw new ProtocolException(1009, "frame of " + length + " bytes exceeds maxFrameSize " + maxFrame);
            long total = (op == Frames.CONTINUATION ? messageLength : 0) + length;
            if (total > maxMessage)
                throw new ProtocolException(
                        1009, "message of " + total + "+ bytes exceeds maxMessageSize " + maxMessage);
            if (op != Frames.CONTINUATION) {
                messageType = op;
                messageLength = 0;
                utf8 = Utf8.ACCEPT;
            }
            if (message.length < total)
                message = Arrays.copyOf(message, (int) Math.min(maxMessage, Math.max(total, 2L * message.length)));
        }
        in.getBytes(i + headerLength - 4, mask);
        in.skipBytes(headerLength);
        opcode = op;
        fin = last;
        remaining = length;
        position = 0;
        inFrame = true;
        return true;
    }

    private void readPayload(ByteBuf in, byte[] to, int offset, int n) {
        in.readBytes(to, offset, n);
        for (int k = 0; k < n; k++) to[offset + k] ^= mask[(int) (position++ & 3)];
    }

    private Message takeMessage() throws ProtocolException {
        byte[] bytes = message;
        int n = messageLength;
        int type = messageType;
        message = EMPTY;
        messageLength = 0;
        messageType = -1;
        if (type == Frames.BINARY) return new Message.Binary(bytes.length == n ? bytes : Arrays.copyOf(bytes, n));
        if (utf8 != Utf8.ACCEPT) throw new ProtocolException(1007, "text message is not valid UTF-8");
        return new Message.Text(new String(bytes, 0, n, StandardCharsets.UTF_8));
    }

    private void control(Sink sink) throws ProtocolException {
        switch (opcode) {
            case Frames.PING -> sink.ping(Arrays.copyOf(control, controlLength));
            case Frames.PONG -> sink.pong();
            default -> {
                closed = true;
                if (controlLength == 0) {
                    sink.close(1005, "");
                    return;
                }
                int code = ((control[0] & 0xff) << 8) | (control[1] & 0xff);
                if (!Frames.validCloseCode(code))
                    throw new ProtocolException(1002, "close code " + code + " is not valid");
                if (Utf8.scan(Utf8.ACCEPT, control, 2, controlLength) != Utf8.ACCEPT)
                    throw new ProtocolException(1007, "close reason is not valid UTF-8");
                sink.close(code, new String(control, 2, controlLength - 2, StandardCharsets.UTF_8));
            }
        }
    }
}
