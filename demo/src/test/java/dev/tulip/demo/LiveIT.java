package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's live part over real sockets: the websocket chat, the contact event stream, the page. */
class LiveIT {
    private static TestServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        server = TestServer.start(DemoApp.create(c -> c.port(0)));
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        http.shutdownNow(); // close() would wait for the websockets a test left open
        assertThat(server.stop()).isTrue();
    }

    /** A chat member that records what it receives; {@code reading} false stops taking messages after the first. */
    private static final class Member implements WebSocket.Listener {
        final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        volatile boolean reading = true;
        WebSocket socket;

        static Member join(boolean reading) throws Exception {
            Member m = new Member();
            m.reading = reading;
            m.socket = http.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/chat"), m)
                    .get(10, TimeUnit.SECONDS);
            return m;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            if (reading) ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }
    }

    @Test
    void aChatMessageReachesEveryMember() throws Exception {
        Member ada = Member.join(true), bob = Member.join(true);
        ada.socket.sendText("hello from ada", true).get(5, TimeUnit.SECONDS);

        assertThat(bob.received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello from ada");
        assertThat(ada.received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello from ada");
        ada.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        bob.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Test
    void aMemberThatStopsReadingIsDroppedWhileTheOthersGetEveryMessage() throws Exception {
        Member stalled = Member.join(false), fast = Member.join(true), sender = Member.join(true);
        String text = "x".repeat(Live.MAX_MESSAGE - 10);
        int count = 3000; // ~12 MB: more than the socket buffers and the stalled member's queue hold
        for (int i = 0; i < count; i++) {
            // at a pace the readers keep up with: a chat, not a burst larger than a member's queue
            sender.socket.sendText(i + ":" + text, true).get(10, TimeUnit.SECONDS);
            assertThat(fast.received.poll(20, TimeUnit.SECONDS))
                    .as("message %d to the member that reads", i)
                    .startsWith(i + ":");
            assertThat(sender.received.poll(20, TimeUnit.SECONDS)).startsWith(i + ":");
        }
        stalled.reading = false;
        stalled.socket.request(Long.MAX_VALUE); // read what got through, then the close
        assertThat(stalled.closed.get(20, TimeUnit.SECONDS))
                .as("dropped for being too slow (1008), not buffered for")
                .isEqualTo(1008);
        assertThat(stalled.received.size()).isLessThan(count);
        fast.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        sender.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Test
    void aContactCreatedThroughNewIsAnnouncedOnTheEventStream() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String line;
            boolean eventStream = false;
            while (!(line = in.readLine()).isEmpty())
                if (line.toLowerCase().startsWith("content-type: text/event-stream")) eventStream = true;
            assertThat(eventStream).isTrue();

            String id = server.client()
                    .post("/new", Map.of("name", "Grace"))
                    .json()
                    .get("inserted_id")
                    .asString();

            StringBuilder event = new StringBuilder();
            while ((line = in.readLine()) != null) {
                if (line.startsWith(":")) continue; // a heartbeat
                if (line.isEmpty() && event.toString().contains("event: contact")) break;
                event.append(line).append('\n');
            }
            String chunkFree = event.toString().replaceAll("(?m)^[0-9a-f]+$\n", "");
            assertThat(chunkFree)
                    .contains("id: " + id)
                    .contains("event: contact")
                    .contains("\"name\":\"Grace\"");
        }
    }

    @Test
    void thePageIsServed() {
        var page = server.client().get("/chat");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        assertThat(page.text()).contains("/ws/chat").contains("new EventSource(\"/events\")");
        assertThat(page.header("ETag")).isPresent();
    }
}
