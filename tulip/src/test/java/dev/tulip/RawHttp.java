package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A raw HTTP/1.1 client over one plain socket, for tests that must send bytes no real client would
 * or see exactly what the server sends: the {@code Connection} header, chunk boundaries, and when
 * the server closes the socket. It writes exactly what it is given and reads responses byte by
 * byte, insisting on CRLF line ends.
 */
public final class RawHttp implements AutoCloseable {
    /** Reads time out after this long, so no test hangs. */
    public static final int TIMEOUT_MILLIS = 20_000;

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

    /** Connects to 127.0.0.1:{@code port}. */
    public static RawHttp connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** Connects with a small receive buffer ({@code receiveBuffer} bytes; 0 for the default), to make a slow reader. */
    public static RawHttp connect(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return new RawHttp(s);
    }

    /** Connects, sends {@code request} and reads one response. */
    public static Response exchange(int port, String request) throws IOException {
        try (RawHttp c = connect(port)) {
            return c.send(request).read();
        }
    }

    /** Whether a new TCP connection to {@code port} is refused (nothing listens). */
    public static boolean refused(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }

    /** Polls until connections to {@code port} are refused, or {@code max} passed; returns whether they were. */
    public static boolean awaitRefused(int port, Duration max) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (refused(port)) return true;
            Thread.sleep(20);
        }
        return false;
    }

    /** Sends {@code text} as ISO-8859-1 bytes (so "\0", "\u007f" and the like go out as single bytes). */
    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code bytes} as they are. */
    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends an HTTP/1.1 request without a body. */
    public RawHttp send(String method, String path) throws IOException {
        return send(method, path, "");
    }

    /** Sends an HTTP/1.1 request without a body, with extra header lines ({@code "Name: value\r\n"} each). */
    public RawHttp send(String method, String path, String extraHeaders) throws IOException {
        return send(method + " " + path + " HTTP/1.1\r\nHost: test\r\n" + extraHeaders + "\r\n");
    }

    /**
     * Reads one whole response; its body is framed by {@code Content-Length}, chunked coding, or the
     * end of the stream (none for 1xx, 204 and 304).
     */
    public Response read() throws IOException {
        Response r = readHead();
        int status = r.status();
        if (status < 200 || status == 204 || status == 304) return r;
        byte[] body;
        if (r.header("Transfer-Encoding").map("chunked"::equalsIgnoreCase).orElse(false)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (byte[] chunk = readChunk(); chunk != null; chunk = readChunk()) b.writeBytes(chunk);
            body = b.toByteArray();
        } else if (r.header("Content-Length").isPresent()) {
            int n = Integer.parseInt(r.header("Content-Length").get());
            body = in.readNBytes(n);
            if (body.length < n) throw new EOFException("connection closed inside the body");
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, r.reason(), r.headers(), body);
    }

    /**
     * Reads a response's status line and headers only; the body, if any, stays unread (for the
     * response to a HEAD request, or to read a chunked body with {@link #readChunk}).
     */
    public Response readHead() throws IOException {
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
        return new Response(status, parts.length > 2 ? parts[2] : "", headers, new byte[0]);
    }

    /** Reads the next chunk of a chunked body; null after the last (empty) chunk and its trailers. */
    public byte[] readChunk() throws IOException {
        String sizeLine = line();
        int semi = sizeLine.indexOf(';');
        int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
        if (size == 0) {
            while (!line().isEmpty()) {} // trailers
            return null;
        }
        byte[] data = in.readNBytes(size);
        if (data.length < size) throw new EOFException("connection closed inside a chunk");
        if (!line().isEmpty()) throw new IOException("chunk not followed by CRLF");
        return data;
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
    public void assertClosedByServer() throws IOException {
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

    /**
     * Waits up to the timeout for the server to close the connection, skipping whatever it still
     * sends; true if it did (end of stream or a reset).
     */
    public boolean awaitClosed() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A response as read: header names as sent, in order. */
    public record Response(int status, String reason, List<String[]> headers, byte[] body) {
        /** The first value of header {@code name} (any case). */
        public Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h[0].equalsIgnoreCase(name))
                    .map(h -> h[1])
                    .findFirst();
        }

        /** The body as UTF-8. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether the {@code Connection} header says close. */
        public boolean closes() {
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
