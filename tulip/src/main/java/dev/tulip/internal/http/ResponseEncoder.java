package dev.tulip.internal.http;

import dev.tulip.Cookie;
import dev.tulip.Headers;
import dev.tulip.Response;
import dev.tulip.internal.Prepared;
import dev.tulip.internal.Status;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Writes a response head (and body) straight into one buffer: cached status lines, the cached
 * {@code Date} line, then the response's own headers. The server owns {@code Content-Length},
 * {@code Transfer-Encoding} and {@code Connection}; values a handler set for those are ignored.
 */
final class ResponseEncoder {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONN_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONN_KEEP_ALIVE = "Connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SET_COOKIE = "Set-Cookie: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GZIP = "Content-Encoding: gzip\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VARY = "Vary: Accept-Encoding\r\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] STATUS_LINES = new byte[600][];
    /** {@code Content-Length: n} and the blank line that ends the head, for small bodies. */
    private static final byte[][] LENGTH_LINES = new byte[2048][];

    static {
        for (int n = 0; n < LENGTH_LINES.length; n++) {
            LENGTH_LINES[n] = ("Content-Length: " + n + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        for (int s = 100; s < 600; s++) {
            STATUS_LINES[s] = ("HTTP/1.1 " + s + " " + Status.reason(s) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final byte[] serverLine; // empty when no Server header is sent
    private final DateHeader date;
    private final Compression compression;

    /** An encoder that never compresses. */
    ResponseEncoder(String serverHeader, DateHeader date) {
        this(serverHeader, date, Compression.OFF);
    }

    ResponseEncoder(String serverHeader, DateHeader date, Compression compression) {
        this.compression = compression;
        this.serverLine = serverHeader.isEmpty()
                ? new byte[0]
                : ("Server: " + serverHeader + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.date = date;
    }

    /** {@link #encode(ByteBuf, Prepared, boolean, boolean, boolean, Headers)} without compression. */
    void encode(ByteBuf buf, Prepared p, boolean head, boolean close, boolean http10KeepAlive) {
        encode(buf, p, head, close, http10KeepAlive, null);
    }

    /**
     * Appends the complete response to {@code buf}; for {@code head} requests the body is left out
     * but its length kept. The body is gzipped if {@code request} (the request's headers, null for
     * none) accepts it and {@link Compression} finds it eligible.
     */
    void encode(ByteBuf buf, Prepared p, boolean head, boolean close, boolean http10KeepAlive, Headers request) {
        Response r = p.response();
        byte[] body = p.body();
        int status = r.status();
        boolean noBody = hasNoBody(status);
        Compression.Decision coding = compression.decide(r, body.length, request, head);
        if (coding == Compression.Decision.GZIP) body = compression.gzip(body);
        int bodyLen = noBody ? 0 : body.length;
        buf.ensureWritable(160 + (head ? 0 : bodyLen));
        writeHead(buf, r, close, http10KeepAlive, coding);
        if (!noBody) {
            if (bodyLen < LENGTH_LINES.length) {
                buf.writeBytes(LENGTH_LINES[bodyLen]);
            } else {
                buf.writeBytes(CONTENT_LENGTH);
                writeDecimal(buf, bodyLen);
                buf.writeBytes(CRLF);
                buf.writeBytes(CRLF);
            }
        } else {
            buf.writeBytes(CRLF);
        }
        if (!head && bodyLen > 0) buf.writeBytes(body);
    }

    /**
     * Appends the head of a file body of {@code length} bytes that is sent after it as it is
     * ({@code head}: not at all); writes nothing and returns false when the body is to be gzipped,
     * which a file region cannot be (it is streamed through a compressor instead).
     */
    boolean encodeFileHead(
            ByteBuf buf,
            Response r,
            long length,
            boolean head,
            boolean close,
            boolean http10KeepAlive,
            Headers request) {
        Compression.Decision coding = compression.decide(r, length, request, head);
        if (coding == Compression.Decision.GZIP) return false;
        buf.ensureWritable(160);
        writeHead(buf, r, close, http10KeepAlive, coding);
        buf.writeBytes(CONTENT_LENGTH);
        writeDecimal(buf, length);
        buf.writeBytes(CRLF);
        buf.writeBytes(CRLF);
        return true;
    }

    /** Appends the head of a streamed response: chunked, or (for HTTP/1.0) delimited by closing the connection. */
    void encodeStreamHead(ByteBuf buf, Response r, boolean chunked, boolean close, boolean http10KeepAlive) {
        encodeStreamHead(buf, r, chunked, close, http10KeepAlive, null);
    }

    /**
     * {@link #encodeStreamHead(ByteBuf, Response, boolean, boolean, boolean)} for a body that is
     * gzipped if {@code request} (the request's headers) accepts it; returns the compressor the
     * body's writer must use, or null to send it as is.
     */
    Gzip encodeStreamHead(
            ByteBuf buf, Response r, boolean chunked, boolean close, boolean http10KeepAlive, Headers request) {
        Compression.Decision coding = compression.decide(r, -1, request, false);
        writeHead(buf, r, close, http10KeepAlive, coding);
        if (chunked && !hasNoBody(r.status())) buf.writeBytes(CHUNKED);
        buf.writeBytes(CRLF);
        return coding == Compression.Decision.GZIP ? compression.newStream() : null;
    }

    /** Appends the head of a {@code 101 Switching Protocols}: its own {@code Connection} and {@code Upgrade} fields, no body. */
    void encodeUpgradeHead(ByteBuf buf, Response r) {
        writeHeadFields(buf, r, date.line(), true, false);
        buf.writeBytes(CRLF);
    }

    /**
     * The status line, {@code Content-Type}, {@code Server} and {@code Date} of a response that has
     * no other headers nor cookies (most responses), encoded once per status, content type and
     * second. Entries are immutable, so the unsynchronized array is safe to share across loops.
     */
    private record CachedHead(int status, String contentType, byte[] dateLine, byte[] bytes) {}

    private final CachedHead[] heads = new CachedHead[64];

    private boolean writeCachedHead(ByteBuf buf, Response r) {
        Headers h = r.headers();
        if (h.size() != 1 || !r.cookies().isEmpty() || !h.name(0).equalsIgnoreCase("Content-Type")) return false;
        int status = r.status();
        String type = h.value(0);
        byte[] dateLine = date.line();
        int slot = (status * 31 + type.hashCode()) & (heads.length - 1);
        CachedHead c = heads[slot];
        if (c == null || c.status != status || c.dateLine != dateLine || !c.contentType.equals(type)) {
            ByteBuf tmp = io.netty.buffer.Unpooled.buffer(128);
            writeHeadFields(tmp, r, dateLine, false, false);
            byte[] bytes = new byte[tmp.readableBytes()];
            tmp.readBytes(bytes);
            heads[slot] = c = new CachedHead(status, type, dateLine, bytes);
        }
        buf.writeBytes(c.bytes);
        return true;
    }

    private void writeHead(
            ByteBuf buf, Response r, boolean close, boolean http10KeepAlive, Compression.Decision coding) {
        boolean gzip = coding == Compression.Decision.GZIP;
        if (!writeCachedHead(buf, r)) writeHeadFields(buf, r, date.line(), false, gzip);
        if (gzip) buf.writeBytes(GZIP);
        if (coding != Compression.Decision.NONE && !Compression.varies(r)) buf.writeBytes(VARY);
        if (close) buf.writeBytes(CONN_CLOSE);
        else if (http10KeepAlive) buf.writeBytes(CONN_KEEP_ALIVE);
    }

    /** The head's fields; a strong {@code ETag} is made weak for a gzipped body, which is not the same bytes. */
    private void writeHeadFields(ByteBuf buf, Response r, byte[] dateLine, boolean ownConnection, boolean gzip) {
        buf.writeBytes(STATUS_LINES[r.status()]);
        Headers h = r.headers();
        boolean ownServer = false;
        boolean ownDate = false;
        for (int i = 0, n = h.size(); i < n; i++) {
            String name = h.name(i);
            switch (name.length()) {
                case 4 -> {
                    ownDate |= name.equalsIgnoreCase("Date");
                    if (gzip && name.equalsIgnoreCase("ETag") && h.value(i).startsWith("\"")) {
                        buf.writeCharSequence(name, StandardCharsets.ISO_8859_1);
                        buf.writeCharSequence(": W/", StandardCharsets.ISO_8859_1);
                        buf.writeCharSequence(h.value(i), StandardCharsets.ISO_8859_1);
                        buf.writeBytes(CRLF);
                        continue;
                    }
                }
                case 6 -> ownServer |= name.equalsIgnoreCase("Server");
                case 10 -> {
                    if (!ownConnection && name.equalsIgnoreCase("Connection")) continue;
                }
                case 14 -> {
                    if (name.equalsIgnoreCase("Content-Length")) continue;
                }
                case 17 -> {
                    if (name.equalsIgnoreCase("Transfer-Encoding")) continue;
                }
                default -> {}
            }
            buf.writeCharSequence(name, StandardCharsets.ISO_8859_1);
            buf.writeByte(':').writeByte(' ');
            buf.writeCharSequence(h.value(i), StandardCharsets.ISO_8859_1);
            buf.writeBytes(CRLF);
        }
        if (!ownServer) buf.writeBytes(serverLine);
        if (!ownDate) buf.writeBytes(dateLine);
        for (Cookie c : r.cookies()) {
            buf.writeBytes(SET_COOKIE);
            buf.writeCharSequence(c.toSetCookie(), StandardCharsets.ISO_8859_1);
            buf.writeBytes(CRLF);
        }
    }

    /** Whether a response of {@code status} never has a body (RFC 9110 §6.4.1). */
    static boolean hasNoBody(int status) {
        return status < 200 || status == 204 || status == 304;
    }

    static void writeDecimal(ByteBuf buf, long v) {
        if (v >= 10) writeDecimal(buf, v / 10);
        buf.writeByte((int) ('0' + v % 10));
    }

    /** One chunk of a chunked body: size line, data, CRLF. */
    static ByteBuf chunk(io.netty.buffer.ByteBufAllocator alloc, byte[] data, int len) {
        ByteBuf buf = alloc.ioBuffer(len + 12);
        buf.writeCharSequence(Integer.toHexString(len), StandardCharsets.US_ASCII);
        buf.writeBytes(CRLF);
        buf.writeBytes(data, 0, len);
        buf.writeBytes(CRLF);
        return buf;
    }

    static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
}
