package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server-sent events page's examples over real sockets (read as text lines, chunk sizes skipped). */
class ExampleSseTest {

    /** A raw event-stream reader: the lines of the body, without the chunked coding's size lines. */
    private static final class Stream implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;

        Stream(int port, String path, String... headers) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder h = new StringBuilder();
            for (String line : headers) h.append(line).append("\r\n");
            out.write(("GET " + path + " HTTP/1.1\r\nHost: t\r\n" + h + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            while (!in.readLine().isEmpty()) {} // the head
        }

        /** The fields of the next event (its lines up to the blank one), skipping chunk sizes and heartbeats. */
        List<String> event() throws IOException {
            List<String> lines = new ArrayList<>();
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                if (l.matches("[0-9a-f]+") && lines.isEmpty()) continue; // a chunk size
                if (l.isEmpty()) {
                    if (!lines.isEmpty()) return lines;
                    continue;
                }
                if (!l.startsWith(":")) lines.add(l);
            }
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void theClockTicksFromTheLastEventIdAndTheFeedAnnouncesNewContacts() throws Exception {
        try (var server = TestServer.start(SseExamples.app(cfg -> cfg.port(0)))) {
            try (Stream clock = new Stream(server.port(), "/clock", "Last-Event-ID: 41")) {
                List<String> tick = clock.event();
                assertThat(tick).startsWith("id: 42", "event: tick");
                assertThat(tick.get(2)).startsWith("data: 20");
            }
            try (Stream feed = new Stream(server.port(), "/events")) {
                // the subscriber joins on its stream's thread, a moment after the head: post until one arrives
                var posting = Thread.ofVirtual().start(() -> {
                    try {
                        while (true) {
                            server.client().post("/new", Map.of("name", "masnun"));
                            Thread.sleep(100);
                        }
                    } catch (InterruptedException | RuntimeException stopped) {
                        // the test has its event
                    }
                });
                List<String> event = feed.event();
                posting.interrupt();
                assertThat(event).hasSize(3);
                assertThat(event.get(0)).matches("id: [0-9a-f-]{36}");
                assertThat(event.subList(1, 3)).containsExactly("event: contact", "data: masnun");
            }
        }
    }

    @Test
    void theCountdownEndsWithLiftOff() throws Exception {
        try (var server = TestServer.start(SseExamples.countdown(cfg -> cfg.port(0)))) {
            try (Stream s = new Stream(server.port(), "/countdown/3")) {
                assertThat(s.event()).containsExactly("id: 3", "data: 3");
                assertThat(s.event()).containsExactly("id: 2", "data: 2");
                assertThat(s.event()).containsExactly("id: 1", "data: 1");
                assertThat(s.event()).containsExactly("event: done", "data: lift-off");
            }
        }
    }
}
