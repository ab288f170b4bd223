package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send everything before they read (Python's urllib, Java's HttpURLConnection) must
 * read the early error, not a reset: the server lingers, discarding, before it closes.
 */
class LingeringCloseIT {
    private static Tulip app;
    private static int port;

    @BeforeAll
    static void start() {
        app = Tulip.create(cfg -> cfg.port(0).maxBodySize(1 << 20).maxHeaderSize(8 * 1024));
        app.post("/upload", req -> req.body().length);
        app.start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /** Writes {@code head} and then {@code bodyBytes} bytes, all before reading, and returns the status line. */
    private static String writeAllThenRead(String head, int bodyBytes) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, bodyBytes - sent));
            }
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) line.append((char) c);
            return line.toString();
        }
    }

    @Test
    void aClientThatSendsItsWholeOversizedBodyFirstReadsThe413() throws IOException {
        int size = 8 << 20;
        String status =
                writeAllThenRead("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + size + "\r\n\r\n", size);

        assertThat(status).isEqualTo("HTTP/1.1 413 Content Too Large");
    }

    @Test
    void aClientThatSendsHugeHeadersAndABodyReadsThe431() throws IOException {
        String head = "POST /upload HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nContent-Length: "
                + (2 << 20) + "\r\n\r\n";
        String status = writeAllThenRead(head, 2 << 20);

        assertThat(status).startsWith("HTTP/1.1 431");
    }

    @Test
    void aMalformedRequestFollowedByMoreBytesReadsThe400() throws IOException {
        String status = writeAllThenRead("GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n", 4 << 20);

        assertThat(status).startsWith("HTTP/1.1 400");
    }

    @Test
    void aLingeringConnectionClosesOnceTheClientGoesQuiet() throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream()
                    .write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + (5 << 20) + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            long t0 = System.nanoTime();
            byte[] all = s.getInputStream().readAllBytes(); // ends at the server's FIN
            assertThat(new String(all, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 413");
            s.getOutputStream().write(new byte[1000]); // still accepted: the server is reading, not reset
            assertThat((System.nanoTime() - t0) / 1_000_000)
                    .as("the response came at once")
                    .isLessThan(5_000);
        }
    }
}
