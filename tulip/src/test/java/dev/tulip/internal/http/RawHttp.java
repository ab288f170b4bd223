package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A raw HTTP/1.1 client over a plain socket, for tests that must send bytes no real client would:
 * writes exactly what it is given and reads responses byte by byte.
 */
final class RawHttp implements AutoCloseable {
    static final int TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    static RawHttp connect(int port) throws IOException {
        return new RawHttp(new Socket("127.0.0.1", port));
    }

    /** Connects, sends {@code request} and reads one response. */
    static Response exchange(int port, String request) throws IOException {
        try (RawHttp c = connect(port)) {
            return c.send(request).read();
        }
    }

    /** Sends {@code text} as ISO-8859-1 bytes (so "\0", "\u007f" and the like go out as single bytes). */
    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one response; its body is framed by Content-Length, chunked coding, or the end of the stream. */
    Response read() throws IOException {
        return read(false);
    }

    /** Reads the response to a HEAD request: headers only, whatever Content-Length says. */
    Response readHead() throws IOException {
        return read(true);
    }

    private Response read(boolean head) throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        assertThat(parts.length).as("status line %s", statusLine).isGreaterThanOrEqualTo(2);
        assertThat(parts[0]).as("status line %s", statusLine).isEqualTo("HTTP/1.1");
        int status = Integer.parseInt(parts[1]);
        List<String[]> headers = new ArrayList<>();
        for (String l = line(); !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            assertThat(colon).as("header line %s", l).isPositive();
            headers.add(
                    new String[] {l.substring(0, colon), l.substring(colon + 1).strip()});
        }
        Response r = new Response(status, parts.length > 2 ? parts[2] : "", headers, new byte[0]);
        if (head || status < 200 || status == 204 || status == 304) return r;
        byte[] body;
        if (r.header("Transfer-Encoding")
                .map(v -> v.equalsIgnoreCase("chunked"))
                .orElse(false)) {
            body = chunkedBody();
        } else if (r.header("Content-Length").isPresent()) {
            body = in.readNBytes(Integer.parseInt(r.header("Content-Length").get()));
            if (body.length < Integer.parseInt(r.header("Content-Length").get()))
                throw new EOFException("body cut short");
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, r.reason(), headers, body);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {} // trailers
                return body.toByteArray();
            }
            byte[] data = in.readNBytes(size);
            if (data.length < size) throw new EOFException("chunk cut short");
            body.writeBytes(data);
            if (!line().isEmpty()) throw new IOException("chunk not followed by CRLF");
        }
    }

    /** One CRLF-terminated line, without the CRLF. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) throw new EOFException("connection closed after " + sb.length() + " bytes of a line: " + sb);
            if (b == '\r') {
                int lf = in.read();
                if (lf != '\n') throw new IOException("CR not followed by LF in response");
                return sb.toString();
            }
            sb.append((char) b);
        }
    }

    /**
     * Asserts the server closes the connection (end of stream, or a reset) within the timeout,
     * without sending anything more.
     */
    void assertClosedByServer() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                byte[] rest = in.readNBytes(Math.min(in.available(), 200));
                fail("expected the server to close the connection, but it sent: " + (char) b
                        + new String(rest, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            fail("the server did not close the connection within " + TIMEOUT_MILLIS + " ms");
        } catch (SocketException e) {
            // a reset: closed as well
        }
    }

    /** Asserts nothing arrives (and the connection stays open) for {@code millis}. */
    void assertNothingFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            int b = in.read();
            fail(
                    b < 0
                            ? "the server closed the connection"
                            : "the server sent unexpected data starting with " + (char) b);
        } catch (SocketTimeoutException expected) {
            // quiet, as it should be
        } finally {
            socket.setSoTimeout(TIMEOUT_MILLIS);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A parsed response. */
    record Response(int status, String reason, List<String[]> headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst();
        }

        List<String> headerValues(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .toList();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean closes() {
            return header("Connection")
                    .map(v -> v.toLowerCase(Locale.ROOT).contains("close"))
                    .orElse(false);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder().append(status).append(' ').append(reason);
            for (String[] h : headers) sb.append("\n").append(h[0]).append(": ").append(h[1]);
            return sb.append("\n\n").append(text()).toString();
        }
    }
}
