package dev.tulip.web;

import dev.tulip.HttpException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code multipart/form-data} body (RFC 7578, RFC 2046 §5.1) into parts, reading its
 * stream once through a fixed buffer: a part's body is handed out up to where its delimiter could
 * begin, so no part is ever held whole. Framing errors are {@code 400}s.
 */
final class MultipartScanner {
    private final InputStream in;
    /** {@code CRLF "--" boundary}: what ends a part's body. */
    private final byte[] delimiter;

    private final byte[] buf;
    private int pos, end;
    private boolean eof;
    /** The current part's body (or the preamble) has reached its delimiter. */
    private boolean partDone;

    private boolean closed;
    private byte[] skip;

    MultipartScanner(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.buf = new byte[Math.max(16 * 1024, delimiter.length * 4)];
        // the first delimiter may open the body, without the CRLF that ends a part: pretend one came
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /**
     * Skips the rest of the current part (or the preamble) and its delimiter; true if another part
     * follows (then its header lines are next), false after the closing delimiter.
     */
    boolean nextPart() throws IOException {
        if (closed) return false;
        if (skip == null) skip = new byte[8192];
        while (readBody(skip, 0, skip.length) >= 0) {
            // skipping
        }
        pos += delimiter.length;
        need(2);
        if (end - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            closed = true;
            pos += 2;
            while (fill()) pos = end; // the epilogue is ignored, but read, so the body ends cleanly
            return false;
        }
        while (true) { // transport padding, then CRLF
            need(2);
            if (end - pos < 2) throw bad("the body ended inside a boundary line");
            if (buf[pos] == ' ' || buf[pos] == '\t') {
                pos++;
            } else if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                pos += 2;
                break;
            } else {
                throw bad("a boundary line must end with CRLF");
            }
        }
        partDone = false;
        return true;
    }

    /** The header lines of the part just started, up to the empty line; at most {@code maxBytes} in all. */
    List<String> headerLines(int maxBytes) throws IOException {
        List<String> lines = new ArrayList<>();
        int total = 0;
        while (true) {
            int lf = -1;
            while (true) {
                for (int i = pos; i < end; i++) {
                    if (buf[i] == '\n') {
                        lf = i;
                        break;
                    }
                }
                if (lf >= 0) break;
                if (total + end - pos > maxBytes)
                    throw new HttpException(413, "a part's headers exceed " + maxBytes + " bytes");
                if (!fill()) throw bad("the body ended inside a part's headers");
            }
            int len = lf - pos;
            total += len + 1;
            if (total > maxBytes) throw new HttpException(413, "a part's headers exceed " + maxBytes + " bytes");
            if (len == 0 || buf[lf - 1] != '\r') throw bad("part header lines must end with CRLF");
            String line = new String(buf, pos, len - 1, StandardCharsets.UTF_8);
            pos = lf + 1;
            if (line.isEmpty()) return lines;
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') throw bad("folded part header lines are not allowed");
            lines.add(line);
        }
    }

    /** Reads the current part's body into {@code b}; -1 at its end (the delimiter stays unread). */
    int readBody(byte[] b, int off, int len) throws IOException {
        if (partDone) return -1;
        while (true) {
            int found = indexOfDelimiter();
            if (found == pos) {
                partDone = true;
                return -1;
            }
            int safe = found >= 0 ? found : end - delimiter.length + 1; // a delimiter may start after safe
            if (safe > pos) {
                int n = Math.min(len, safe - pos);
                System.arraycopy(buf, pos, b, off, n);
                pos += n;
                return n;
            }
            if (!fill()) throw bad("the body ended before its closing boundary");
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) continue;
            for (int j = 1; j < delimiter.length; j++) if (buf[i + j] != delimiter[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** Reads until {@code n} bytes are buffered after pos, or the stream ends. */
    private void need(int n) throws IOException {
        while (end - pos < n && fill()) {
            // filling
        }
    }

    /** Reads more into the buffer (moving what is left to its start); false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) return false;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        if (end == buf.length) throw new IllegalStateException("multipart buffer full");
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return false;
        }
        end += n;
        return true;
    }

    private static HttpException bad(String message) {
        return new HttpException(400, "malformed multipart body: " + message);
    }
}
