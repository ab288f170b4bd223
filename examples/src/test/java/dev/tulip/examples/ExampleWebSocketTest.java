package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The websockets page's examples, spoken to by the JDK's websocket client. */
class ExampleWebSocketTest {

    /** A client that queues every text message it receives, and the close code. */
    private static final class Inbox implements WebSocket.Listener {
        final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed.complete(code);
            return null;
        }

        String next() throws InterruptedException {
            String m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a message within 10 s").isNotNull();
            return m;
        }
    }

    private static WebSocket connect(TestServer server, String path, Inbox inbox, String... subprotocols) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (subprotocols.length > 0)
            builder.subprotocols(
                    subprotocols[0],
                    List.of(subprotocols).subList(1, subprotocols.length).toArray(String[]::new));
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + path), inbox)
                .join();
    }

    @Test
    void theEchoAnswersEachMessageAndClosesWhenAsked() throws Exception {
        try (var server = TestServer.start(WebSocketExamples.app(cfg -> cfg.port(0)))) {
            Inbox inbox = new Inbox();
            WebSocket ws = connect(server, "/ws/echo", inbox);
            ws.sendText("hello", true).join();
            assertThat(inbox.next()).isEqualTo("hello");
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            assertThat(inbox.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        }
    }

    @Test
    void theChatRoomBroadcastsToEveryMember() throws Exception {
        try (var server = TestServer.start(WebSocketExamples.app(cfg -> cfg.port(0)))) {
            Inbox a = new Inbox();
            Inbox b = new Inbox();
            WebSocket wa = connect(server, "/ws/chat", a);
            connect(server, "/ws/chat", b);
            Thread.sleep(200); // both joined
            wa.sendText("hi all", true).join();
            assertThat(a.next()).isEqualTo("hi all");
            assertThat(b.next()).isEqualTo("hi all");
        }
    }

    @Test
    void theRoomChoosesTheSubprotocolAndReadsItsPathParameter() throws Exception {
        try (var server = TestServer.start(WebSocketExamples.app(cfg -> cfg.port(0)))) {
            Inbox inbox = new Inbox();
            WebSocket ws = connect(server, "/ws/room/lobby", inbox, "chat.v1", "chat.v2");
            assertThat(ws.getSubprotocol()).isEqualTo("chat.v2");
            assertThat(inbox.next()).isEqualTo("welcome to lobby, speaking chat.v2");
            ws.sendText("hello", true).join();
            assertThat(inbox.next()).isEqualTo("lobby: hello");
        }
    }

    @Test
    void theLogCountsBytesAndTheTickerTicks() throws Exception {
        try (var server = TestServer.start(WebSocketExamples.app(cfg -> cfg.port(0)))) {
            Inbox log = new Inbox();
            connect(server, "/ws/log", log).sendText("four", true).join();
            assertThat(log.next()).isEqualTo("logged 4 bytes");
            Inbox ticks = new Inbox();
            connect(server, "/ws/ticks", ticks);
            assertThat(ticks.next()).isEqualTo("tick 0");
            assertThat(ticks.next()).isEqualTo("tick 1");
        }
    }
}
