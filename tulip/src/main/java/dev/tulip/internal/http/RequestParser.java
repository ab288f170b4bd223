package dev.tulip.internal.http;

import static dev.tulip.internal.http.HttpSyntax.*;

import dev.tulip.Config;
import dev.tulip.internal.HeaderList;
import dev.tulip.internal.Target;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict, incremental HTTP/1.1 request parser over a connection's input buffer.
 *
 * <p>Strict means: lines end in CRLF (a bare LF or CR is an error); no obs-fold; no whitespace
 * between a field name and its colon; no control characters in names or values; exactly one
 * {@code Host} on HTTP/1.1; {@code Content-Length} once and only digits; {@code Transfer-Encoding}
 * only as a final {@code chunked}, never with {@code Content-Length}; chunk sizes in hex with CRLF
 * framing; a {@code Host} of {@code uri-host [":" port]}; an origin-form target of pchars, '/',
 * '?' and well-formed %XX, without a fragment; a first byte that can start a method (so TLS on
 * the plain port is refused at once). Each violation ends the connection with a 400 (or 414, 431,
 * 413, 417, 501, 505).
 *
 * <p>The head is scanned once, line by line, resuming where the last read stopped, so a client
 * that trickles bytes cannot make the scan quadratic. Nothing is consumed from the buffer until
 * the whole head is there.
 */
final class RequestParser {
    /** What one call of {@link #parse} found. */
    sealed interface Event permits Parsed, Chunk, Failure, Signal {}

    /**
     * A complete request, or, for a route that streams its body, a request head whose body follows
     * as {@link Chunk}s ({@code streamed}; {@code body} is then null).
     */
    record Parsed(
            String method,
            String uri,
            String version,
            HeaderList headers,
            byte[] body,
            boolean keepAlive,
            boolean http10KeepAlive,
            boolean streamed,
            boolean expectContinue)
            implements Event {}

    /** A piece of a streamed body; {@code last} ends it ({@code data} may then be empty). */
    record Chunk(byte[] data, boolean last) implements Event {}

    /** A request that cannot be served; the connection closes after answering it. */
    record Failure(int status, String message) implements Event {}

    /** Events without data. */
    enum Signal implements Event {
        /** The input holds no complete event yet: read more. */
        NEED_MORE,
        /** The client waits for {@code 100 Continue} before sending the body. */
        CONTINUE
    }

    private static final int HEAD = 0,
            FIXED_BODY = 1,
            CHUNK_SIZE = 2,
            CHUNK_DATA = 3,
            CHUNK_END = 4,
            TRAILERS = 5,
            DEAD = 6;
    private static final int MAX_CHUNK_LINE = 4096;
    private static final long MAX_BODY_ARRAY = Integer.MAX_VALUE - 8;
    private static final int MAX_LEADING_EMPTY_LINES = 8;
    private static final byte[] NO_BYTES = new byte[0];

    private final int maxRequestLine;
    private final int maxHeaderSize;
    private final int maxHeaderCount;
    private final long maxBodySize;
    /** The app's body limit as configured: a streamed body is not one array, so it may exceed an array's size. */
    private final long appBodyLimit;
    /** The route of a request with a body, asked once its head is read (own limit, streamed body); null when no route needs asking. */
    private final BodyRoutes routes;
    /** The body limit of the request being read. */
    private long bodyLimit;
    /** The body of the request being read goes out in chunks instead of one array. */
    private boolean streamed;
    /** Bytes of a streamed body still to come (Content-Length), or bytes received so far (chunked). */
    private long streamedBytes;

    private int state = HEAD;
    private long headStartNanos; // 0 when no head is being received
    // head scan, offsets relative to the reader index
    private int scanOff;
    private int leadingEmptyLines;
    private int lineCount;
    private int[] lineEnds = new int[16]; // offset of each line's CR
    private byte[] scratch = new byte[1024];
    // request being read
    private String method, uri, version;
    private HeaderList headers;
    private boolean keepAlive, http10KeepAlive;
    private byte[] body;
    private int bodyLen;
    private long chunkRemaining;
    private int trailerBytes;
    // per-connection caches: a keep-alive client repeats its target and header lines
    private byte[] lastUriBytes = new byte[0];
    private String lastUri;
    private final byte[][] lastLines = new byte[16][];
    private final String[] lastNames = new String[16];
    private final String[] lastValues = new String[16];

    /** The route a request with a body goes to (its own body limit, whether it streams its body); null for none. */
    @FunctionalInterface
    interface BodyRoutes {
        Target route(String method, String uri);
    }

    RequestParser(Config config) {
        this(config, null);
    }

    RequestParser(Config config, BodyRoutes routes) {
        this.routes = routes;
        this.appBodyLimit = config.maxBodySize();
        this.maxRequestLine = config.maxRequestLine();
        this.maxHeaderSize = config.maxHeaderSize();
        this.maxHeaderCount = config.maxHeaderCount();
        // a body is one array: a larger limit must not let a length wrap around an int
        this.maxBodySize = Math.min(config.maxBodySize(), MAX_BODY_ARRAY);
    }

    /** When the head now being received started (System.nanoTime), or 0. */
    long headStartNanos() {
        return headStartNanos;
    }

    /** Whether a request body is being received. */
    boolean inBody() {
        return state != HEAD && state != DEAD;
    }

    /** Stops parsing: further input is ignored. */
    void kill() {
        state = DEAD;
        headStartNanos = 0;
    }

    /** The next event from {@code in}: a request, a failure, or a signal to send {@code 100 Continue} or to read more. */
    Event parse(ByteBuf in) {
        try {
            return switch (state) {
                case HEAD -> parseHead(in);
                case FIXED_BODY -> readFixedBody(in);
                case CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS -> readChunked(in);
                default -> {
                    in.skipBytes(in.readableBytes());
                    yield Signal.NEED_MORE;
                }
            };
        } catch (BadRequest e) {
            kill();
            in.skipBytes(in.readableBytes());
            return new Failure(e.status, e.getMessage());
        }
    }

    // ---- head ----------------------------------------------------------------------------------

    private Event parseHead(ByteBuf in) {
        if (scanOff == 0) {
            while (in.readableBytes() >= 2
                    && in.getByte(in.readerIndex()) == '\r'
                    && in.getByte(in.readerIndex() + 1) == '\n') {
                // counted across reads: a client trickling CRLFs must not hold the connection forever
                if (++leadingEmptyLines > MAX_LEADING_EMPTY_LINES)
                    throw bad("too many empty lines before the request line");
                in.skipBytes(2);
            }
            if (!in.isReadable()) return Signal.NEED_MORE;
            // a lone CR may be the first half of an empty line whose LF is still on its way
            if (in.readableBytes() == 1 && in.getByte(in.readerIndex()) == '\r') return Signal.NEED_MORE;
            // a method starts with a token character: anything else is another protocol, refused at once
            int first = in.getByte(in.readerIndex()) & 0xff;
            if (!TCHAR[first] && first != '\r') {
                throw bad(
                        first == 0x16
                                ? "a TLS handshake on a plain-HTTP port (use http://, or put TLS in front)"
                                : "not an HTTP request (first byte 0x" + Integer.toHexString(first) + ")");
            }
        }
        if (headStartNanos == 0) headStartNanos = System.nanoTime();
        int base = in.readerIndex();
        int limit = in.writerIndex();
        int pos = base + scanOff;
        while (true) {
            int lf = indexOfLf(in, pos, limit);
            if (lf < 0) {
                scanOff = limit - base;
                if (lineCount == 0 && scanOff > maxRequestLine + 1)
                    throw new BadRequest(414, "request line longer than " + maxRequestLine + " bytes");
                // + 1: the CR of the final empty line may have arrived without its LF
                if (lineCount > 0 && scanOff - lineEnds[0] - 2 > maxHeaderSize + 1) throw headersTooLarge();
                return Signal.NEED_MORE;
            }
            if (lf == base || in.getByte(lf - 1) != '\r') throw bad("request head lines must end with CRLF");
            int cr = lf - 1 - base;
            int lineStart = lineCount == 0 ? 0 : lineEnds[lineCount - 1] + 2;
            if (lineCount == 0) {
                if (cr > maxRequestLine)
                    throw new BadRequest(414, "request line longer than " + maxRequestLine + " bytes");
            } else {
                if (cr == lineStart)
                    return headComplete(in, base, lf + 1 - base); // the final empty line is not counted
                if (cr - lineEnds[0] > maxHeaderSize) throw headersTooLarge();
                if (lineCount > maxHeaderCount)
                    throw new BadRequest(431, "more than " + maxHeaderCount + " header fields");
            }
            if (lineCount == lineEnds.length) lineEnds = Arrays.copyOf(lineEnds, lineEnds.length * 2);
            lineEnds[lineCount++] = cr;
            pos = lf + 1;
            scanOff = pos - base;
        }
    }

    /** The index of the next LF in [from, to), or -1; a plain loop over the array of a heap buffer. */
    private static int indexOfLf(ByteBuf in, int from, int to) {
        if (!in.hasArray()) return in.indexOf(from, to, (byte) '\n');
        byte[] a = in.array();
        int off = in.arrayOffset();
        for (int i = from + off, end = to + off; i < end; i++) {
            if (a[i] == '\n') return i - off;
        }
        return -1;
    }

    private BadRequest headersTooLarge() {
        return new BadRequest(431, "header section larger than " + maxHeaderSize + " bytes");
    }

    private Event headComplete(ByteBuf in, int base, int headLen) {
        if (scratch.length < headLen) scratch = new byte[Math.max(headLen, scratch.length * 2)];
        byte[] h = scratch;
        in.getBytes(base, h, 0, headLen);
        in.skipBytes(headLen);
        int lines = lineCount;
        scanOff = 0;
        leadingEmptyLines = 0;
        lineCount = 0;
        headStartNanos = 0;
        parseRequestLine(h, lineEnds[0]);
        String[] fields = new String[(lines - 1) * 2];
        int hostCount = 0;
        long contentLength = -1;
        String transferEncoding = null;
        boolean connClose = false, connKeepAlive = false;
        String expect = null;
        for (int l = 1; l < lines; l++) {
            int start = lineEnds[l - 1] + 2;
            int end = lineEnds[l];
            int slot = l - 1;
            String name, value;
            byte[] prev = slot < lastLines.length ? lastLines[slot] : null;
            if (prev != null && Arrays.equals(h, start, end, prev, 0, prev.length)) {
                name = lastNames[slot]; // the same line as the previous request's: already validated
                value = lastValues[slot];
            } else {
                int colon = parseFieldName(h, start, end);
                name = fieldName(h, start, colon);
                int vs = colon + 1, ve = end;
                while (vs < ve && (h[vs] == ' ' || h[vs] == '\t')) vs++;
                while (ve > vs && (h[ve - 1] == ' ' || h[ve - 1] == '\t')) ve--;
                for (int i = vs; i < ve; i++) {
                    int c = h[i] & 0xff;
                    if (c < 0x20 && c != '\t' || c == 0x7f) throw bad("control character in value of header " + name);
                }
                value = new String(h, vs, ve - vs, StandardCharsets.ISO_8859_1);
                if (name == "Host" && !validHost(value)) throw bad("invalid Host header: '" + value + "'");
                if (slot < lastLines.length) {
                    lastLines[slot] = Arrays.copyOfRange(h, start, end);
                    lastNames[slot] = name;
                    lastValues[slot] = value;
                }
            }
            fields[(l - 1) * 2] = name;
            fields[(l - 1) * 2 + 1] = value;
            // fieldName maps every spelling of these names to the constant, so identity is enough
            if (name == "Host") {
                hostCount++;
            } else if (name == "Content-Length") {
                if (contentLength >= 0) throw bad("more than one Content-Length");
                contentLength = parseContentLength(value);
            } else if (name == "Transfer-Encoding") {
                transferEncoding = transferEncoding == null ? value : transferEncoding + "," + value;
            } else if (name == "Connection") {
                if (value.equals("keep-alive")) {
                    connKeepAlive = true;
                } else {
                    for (String t : value.split(",")) {
                        String tok = t.trim();
                        if (tok.equalsIgnoreCase("close")) connClose = true;
                        else if (tok.equalsIgnoreCase("keep-alive")) connKeepAlive = true;
                    }
                }
            } else if (name == "Expect") {
                expect = value;
            }
        }
        boolean http11 = version.equals("HTTP/1.1");
        if (http11 && hostCount != 1) throw bad(hostCount == 0 ? "missing Host header" : "more than one Host header");
        if (!http11 && hostCount > 1) throw bad("more than one Host header");
        headers = HeaderList.readOnly(fields, lines - 1);
        keepAlive = http11 ? !connClose : connKeepAlive && !connClose;
        http10KeepAlive = !http11 && keepAlive;
        boolean chunked = false;
        if (transferEncoding != null) {
            if (contentLength >= 0) throw bad("both Content-Length and Transfer-Encoding");
            if (!http11) throw bad("Transfer-Encoding on an HTTP/1.0 request");
            chunked = checkTransferEncoding(transferEncoding);
        }
        boolean expectContinue = false;
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) throw new BadRequest(417, "unsupported Expect: " + expect);
            expectContinue = http11;
        }
        // only a request with a body asks its route for a limit of its own
        Target route = routes == null || (contentLength <= 0 && !chunked) ? null : routes.route(method, uri);
        streamed = route != null && route.streamBody();
        long limit = route != null && route.maxBodySize() >= 0 ? route.maxBodySize() : appBodyLimit;
        bodyLimit = streamed ? limit : Math.min(limit, MAX_BODY_ARRAY);
        if (contentLength > bodyLimit)
            throw new BadRequest(413, "body of " + contentLength + " bytes exceeds the limit of " + bodyLimit);
        if (streamed) {
            // the head goes to the handler now; the body follows as it arrives (100 Continue when first read)
            state = chunked ? CHUNK_SIZE : FIXED_BODY;
            streamedBytes = chunked ? 0 : contentLength;
            trailerBytes = 0;
            return new Parsed(method, uri, version, headers, null, keepAlive, http10KeepAlive, true, expectContinue);
        }
        if (chunked) {
            state = CHUNK_SIZE;
            body = new byte[256];
            bodyLen = 0;
            trailerBytes = 0;
            return expectContinue && !in.isReadable() ? Signal.CONTINUE : readChunked(in);
        }
        if (contentLength > 0) {
            body = new byte[(int) contentLength];
            bodyLen = 0;
            state = FIXED_BODY;
            return expectContinue && !in.isReadable() ? Signal.CONTINUE : readFixedBody(in);
        }
        return emit(null);
    }

    private void parseRequestLine(byte[] h, int end) {
        int sp1 = -1;
        for (int i = 0; i < end; i++) {
            if (h[i] == ' ') {
                sp1 = i;
                break;
            }
            if (!TCHAR[h[i] & 0xff]) throw bad("invalid character in method");
        }
        if (sp1 <= 0) throw bad("malformed request line");
        int sp2 = -1;
        for (int i = sp1 + 1; i < end; i++) {
            int c = h[i] & 0xff;
            if (c == ' ') {
                sp2 = i;
                break;
            }
            if (c < 0x21 || c > 0x7e) throw bad("invalid character in request target");
        }
        if (sp2 < 0 || sp2 == sp1 + 1) throw bad("malformed request line");
        method = method(h, sp1);
        if (method.equals("PRI") && sp2 - sp1 == 2 && h[sp1 + 1] == '*')
            throw bad("an HTTP/2 connection preface: this port serves HTTP/1.1 only");
        version = version(h, sp2 + 1, end);
        int ts = sp1 + 1, te = sp2;
        byte first = h[ts];
        if (first == '/') {
            uri = target(h, ts, te);
        } else if (first == '*' && te - ts == 1) {
            if (!method.equals("OPTIONS")) throw bad("'*' is only a valid target for OPTIONS");
            uri = "*";
        } else if (startsWithIgnoreCase(h, ts, te, "http://") || startsWithIgnoreCase(h, ts, te, "https://")) {
            int authority = ts + (h[ts + 4] == ':' ? 7 : 8);
            int slash = authority;
            while (slash < te && h[slash] != '/' && h[slash] != '?') slash++;
            if (slash == authority
                    || !validHost(new String(h, authority, slash - authority, StandardCharsets.ISO_8859_1)))
                throw bad("invalid authority in an absolute-form target");
            if (slash == te) uri = "/";
            else if (h[slash] == '?') uri = "/" + target(h, slash, te);
            else uri = target(h, slash, te);
        } else {
            throw bad("request target must be a path (origin-form)");
        }
    }

    private String target(byte[] h, int from, int to) {
        int len = to - from;
        if (lastUri != null && Arrays.equals(h, from, to, lastUriBytes, 0, lastUriBytes.length)) return lastUri;
        String problem = targetProblem(h, from, to);
        if (problem != null) throw bad(problem);
        lastUriBytes = Arrays.copyOfRange(h, from, to);
        return lastUri = new String(h, from, len, StandardCharsets.ISO_8859_1);
    }

    // ---- bodies --------------------------------------------------------------------------------

    private Event readFixedBody(ByteBuf in) {
        if (streamed) {
            int n = (int) Math.min(in.readableBytes(), streamedBytes);
            if (n == 0) return Signal.NEED_MORE;
            byte[] data = new byte[n];
            in.readBytes(data);
            streamedBytes -= n;
            return streamedBytes == 0 ? endStream(data) : new Chunk(data, false);
        }
        int n = Math.min(in.readableBytes(), body.length - bodyLen);
        in.readBytes(body, bodyLen, n);
        bodyLen += n;
        return bodyLen == body.length ? emit(body) : Signal.NEED_MORE;
    }

    private Event readChunked(ByteBuf in) {
        while (true) {
            switch (state) {
                case CHUNK_SIZE -> {
                    int r = in.readerIndex();
                    int lf = in.indexOf(r, Math.min(in.writerIndex(), r + MAX_CHUNK_LINE), (byte) '\n');
                    if (lf < 0) {
                        if (in.readableBytes() >= MAX_CHUNK_LINE) throw bad("chunk size line too long");
                        return Signal.NEED_MORE;
                    }
                    if (lf == r || in.getByte(lf - 1) != '\r') throw bad("chunk size line must end with CRLF");
                    long size = parseChunkSize(in, r, lf - 1);
                    in.readerIndex(lf + 1);
                    if (size == 0) {
                        state = TRAILERS;
                    } else {
                        long received = streamed ? streamedBytes : bodyLen;
                        if (received + size > bodyLimit)
                            throw new BadRequest(413, "chunked body exceeds the limit of " + bodyLimit + " bytes");
                        chunkRemaining = size;
                        state = CHUNK_DATA;
                        if (streamed) {
                            streamedBytes += size;
                            continue;
                        }
                        int need = (int) (bodyLen + size);
                        if (need > body.length)
                            body = Arrays.copyOf(body, (int) Math.min(Math.max(need, body.length * 2L), bodyLimit));
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(chunkRemaining, in.readableBytes());
                    if (n == 0) return Signal.NEED_MORE;
                    if (streamed) {
                        byte[] data = new byte[n];
                        in.readBytes(data);
                        chunkRemaining -= n;
                        if (chunkRemaining == 0) state = CHUNK_END;
                        return new Chunk(data, false);
                    }
                    in.readBytes(body, bodyLen, n);
                    bodyLen += n;
                    chunkRemaining -= n;
                    if (chunkRemaining == 0) state = CHUNK_END;
                }
                case CHUNK_END -> {
                    if (in.readableBytes() < 2) {
                        if (in.isReadable() && in.getByte(in.readerIndex()) != '\r')
                            throw bad("chunk data must be followed by CRLF");
                        return Signal.NEED_MORE;
                    }
                    if (in.readByte() != '\r' || in.readByte() != '\n')
                        throw bad("chunk data must be followed by CRLF");
                    state = CHUNK_SIZE;
                }
                case TRAILERS -> {
                    int r = in.readerIndex();
                    int lf = in.indexOf(r, in.writerIndex(), (byte) '\n');
                    if (lf < 0) {
                        if (trailerBytes + in.readableBytes() > maxHeaderSize)
                            throw new BadRequest(431, "trailer section too large");
                        return Signal.NEED_MORE;
                    }
                    if (lf == r || in.getByte(lf - 1) != '\r') throw bad("trailer lines must end with CRLF");
                    int len = lf - 1 - r;
                    trailerBytes += len + 2;
                    if (trailerBytes > maxHeaderSize) throw new BadRequest(431, "trailer section too large");
                    if (len > 0) {
                        byte[] line = new byte[len];
                        in.getBytes(r, line);
                        parseFieldName(line, 0, len);
                        for (byte b : line) {
                            int c = b & 0xff;
                            if (c < 0x20 && c != '\t' || c == 0x7f) throw bad("control character in trailer");
                        }
                    }
                    in.readerIndex(lf + 1);
                    if (len == 0) return streamed ? endStream(NO_BYTES) : emit(Arrays.copyOf(body, bodyLen));
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private Chunk endStream(byte[] data) {
        streamed = false;
        headers = null;
        state = keepAlive ? HEAD : DEAD;
        return new Chunk(data, true);
    }

    private Parsed emit(byte[] b) {
        Parsed p = new Parsed(method, uri, version, headers, b, keepAlive, http10KeepAlive, false, false);
        body = null;
        headers = null;
        state = keepAlive ? HEAD : DEAD;
        return p;
    }
}
