package dev.tulip.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A raw websocket client for tests: it writes any frame, well formed or not (unmasked, reserved
 * bits, bad opcodes, fragmented control frames), and reads the server's frames exactly as sent.
 */
final class WsClient implements AutoCloseable {
    static final int TIMEOUT_MILLIS = 10_000;

    /** A frame as the server sent it. */
    record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            assertThat(opcode).as("a close frame").isEqualTo(Frames.CLOSE);
            return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
        }

        String closeReason() {
            return payload.length < 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    String handshakeHead;

    private WsClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
    }

    /** Opens a websocket to {@code path}; fails the test unless the server answers 101 with the right accept. */
    static WsClient open(int port, String path) throws IOException {
        return open(port, path, "", 0);
    }

    /** Opens a websocket with extra header lines and a receive buffer ({@code 0}: the default). */
    static WsClient open(int port, String path, String extraHeaders, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        WsClient c = new WsClient(s);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        c.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n"
                        + extraHeaders + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        c.out.flush();
        c.handshakeHead = c.head();
        assertThat(c.handshakeHead).startsWith("HTTP/1.1 101 ");
        assertThat(c.handshakeHead).containsIgnoringCase("Sec-WebSocket-Accept: " + Handshake.accept(key) + "\r\n");
        return c;
    }

    private String head() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new EOFException("closed inside the response head: " + b);
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Writes a frame exactly as described; {@code masked} false makes a frame no client may send. */
    WsClient frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
        return raw(encode(fin, rsv, opcode, payload, masked));
    }

    /** The bytes of a frame as a client would send it ({@code masked}) or as no client may. */
    static byte[] encode(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
        f.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int m = masked ? 0x80 : 0;
        if (payload.length < 126) {
            f.write(m | payload.length);
        } else if (payload.length <= 0xffff) {
            f.write(m | 126);
            f.write(payload.length >> 8);
            f.write(payload.length);
        } else {
            f.write(m | 127);
            for (int i = 7; i >= 0; i--) f.write((int) ((long) payload.length >> (8 * i)));
        }
        byte[] body = payload.clone();
        if (masked) {
            byte[] key = new byte[4];
            ThreadLocalRandom.current().nextBytes(key);
            f.write(key, 0, 4);
            for (int i = 0; i < body.length; i++) body[i] ^= key[i & 3];
        }
        f.write(body, 0, body.length);
        return f.toByteArray();
    }

    WsClient frame(boolean fin, int opcode, byte[] payload) throws IOException {
        return frame(fin, 0, opcode, payload, true);
    }

    WsClient raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    WsClient text(String text) throws IOException {
        return frame(true, Frames.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    WsClient binary(byte[] data) throws IOException {
        return frame(true, Frames.BINARY, data);
    }

    WsClient close(int code, String reason) throws IOException {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return frame(true, Frames.CLOSE, p);
    }

    /** The next frame from the server. */
    Frame read() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) len = in.readUnsignedShort();
        else if (len == 127) len = in.readLong();
        boolean masked = (b1 & 0x80) != 0;
        if (masked) in.readInt();
        byte[] payload = new byte[(int) len];
        in.readFully(payload);
        return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0x0f, masked, payload);
    }

    /** The next frame that is not a ping (the server's keep-alive). */
    Frame readSkippingPings() throws IOException {
        Frame f;
        do f = read();
        while (f.opcode() == Frames.PING);
        return f;
    }

    /** Reads until the server's close frame; returns it. */
    Frame readClose() throws IOException {
        Frame f;
        do f = read();
        while (f.opcode() != Frames.CLOSE);
        return f;
    }

    /** Whether the server closes the TCP connection within the timeout (end of stream or a reset). */
    boolean awaitEnd() throws IOException {
        try {
            while (in.read() >= 0) {}
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
