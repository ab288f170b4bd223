package dev.tulip;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal HTTP/1.1 client over one plain socket, for tests that must see exactly what the server
 * sends: the {@code Connection} header, chunk boundaries, and when the server closes the socket.
 */
final class RawHttp implements AutoCloseable {
    /** A parsed response; header names are lower case; {@code chunks} is empty unless the body was chunked. */
    record Resp(int status, Map<String, String> headers, byte[] body, List<byte[]> chunks) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new java.io.BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port}; reads time out after 20 s so no test hangs. */
    static RawHttp connect(int port) throws IOException {
        return connect(port, 0);
    }

    /** Connects with a small receive buffer ({@code receiveBuffer} bytes; 0 for the default), to make a slow reader. */
    static RawHttp connect(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(20_000);
        return new RawHttp(s);
    }

    /** Whether a new TCP connection to {@code port} is refused (nothing listens). */
    static boolean refused(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return false;
        } catch (ConnectException e) {
            return true;
        }
    }

    /** Polls until connections to {@code port} are refused, or {@code max} passed; returns whether they were. */
    static boolean awaitRefused(int port, Duration max) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (refused(port)) return true;
            Thread.sleep(20);
        }
        return false;
    }

    Socket socket() {
        return socket;
    }

    /** Sends a request without a body. */
    RawHttp send(String method, String path) throws IOException {
        return send(method, path, "");
    }

    /** Sends a request with extra header lines ({@code "Name: value\r\n"} each). */
    RawHttp send(String method, String path, String extraHeaders) throws IOException {
        out.write((method + " " + path + " HTTP/1.1\r\nHost: test\r\n" + extraHeaders + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return this;
    }

    /** Reads one whole response. */
    Resp read() throws IOException {
        Resp head = readHead();
        List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
            for (byte[] chunk = readChunk(); chunk != null; chunk = readChunk()) {
                chunks.add(chunk);
                body.write(chunk);
            }
        } else if (head.header("Content-Length") != null) {
            int n = Integer.parseInt(head.header("Content-Length"));
            byte[] b = in.readNBytes(n);
            if (b.length < n) throw new EOFException("connection closed inside the body");
            body.write(b);
        }
        return new Resp(head.status(), head.headers(), body.toByteArray(), chunks);
    }

    /** Reads a response's status line and headers only (the body stays unread). */
    Resp readHead() throws IOException {
        String statusLine = line();
        if (statusLine == null) throw new EOFException("connection closed before a response");
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            headers.put(
                    l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    l.substring(colon + 1).trim());
        }
        return new Resp(status, headers, new byte[0], List.of());
    }

    /** Reads the next chunk of a chunked body; null after the last (empty) chunk and its trailers. */
    byte[] readChunk() throws IOException {
        String size = line();
        if (size == null) throw new EOFException("connection closed inside a chunked body");
        int n = Integer.parseInt(size.trim(), 16);
        if (n == 0) {
            while (true) { // trailers up to the empty line
                String t = line();
                if (t == null) throw new EOFException("connection closed before the end of the chunked body");
                if (t.isEmpty()) return null;
            }
        }
        byte[] chunk = in.readNBytes(n);
        if (chunk.length < n) throw new EOFException("connection closed inside a chunk");
        if (!"".equals(line())) throw new IOException("chunk not followed by CRLF");
        return chunk;
    }

    /** The raw input, for tests that pace their reading. */
    InputStream input() {
        return in;
    }

    /** Waits up to the read timeout for the server to close the connection; true if it did (EOF or reset). */
    boolean awaitClosed() throws IOException {
        try {
            while (true) {
                int b = in.read();
                if (b < 0) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    /** One CRLF-terminated line without its terminator; null at EOF. */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
