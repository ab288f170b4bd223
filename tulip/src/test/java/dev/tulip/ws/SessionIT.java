package dev.tulip.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A websocket's life over real sockets: echo at every framing length, pings, the close handshake, errors, timeouts. */
class SessionIT {
    private final CompletableFuture<WebSocketClosedException> handlerEnd = new CompletableFuture<>();
    private Tulip app;

    @BeforeEach
    void start() {
        app = Tulip.create(c -> c.port(0));
        WebSocketHandler echo = ws -> {
            for (Message m : ws) ws.send(m);
        };
        WebSocketHandler watch = ws -> {
            try {
                while (true) ws.send(ws.receive());
            } catch (WebSocketClosedException e) {
                handlerEnd.complete(e);
            }
        };
        app.get("/echo", WebSockets.handler(echo));
        app.get("/limits", WebSockets.handler(cfg -> cfg.maxFrameSize(1000).maxMessageSize(1500), echo));
        app.get("/keepalive", WebSockets.handler(cfg -> cfg.pingInterval(Duration.ofMillis(100)), echo));
        app.get(
                "/idle",
                WebSockets.handler(
                        cfg -> cfg.pingInterval(Duration.ZERO)
                                .idleTimeout(Duration.ofMillis(300))
                                .closeTimeout(Duration.ofMillis(300)),
                        watch));
        app.get("/watch", WebSockets.handler(watch));
        app.get("/fails", WebSockets.handler(ws -> {
            throw new IllegalStateException("the handler failed (expected by the test)");
        }));
        app.get("/returns", WebSockets.handler(ws -> {}));
        app.get("/closes", WebSockets.handler(ws -> {
            ws.receive();
            ws.close(4000, "done");
            ws.close(4001, "a second close does nothing");
        }));
        app.start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private WsClient open(String path) throws Exception {
        return WsClient.open(app.port(), path);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 300_000})
    void textAndBinaryMessagesOfEveryLengthClassAreEchoed(int length) throws Exception {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        String text = "é".repeat(length / 2) + "x".repeat(length % 2);
        try (WsClient c = open("/echo")) {
            c.text(text).binary(data);
            WsClient.Frame t = c.read();
            assertThat(t.opcode()).isEqualTo(Frames.TEXT);
            assertThat(t.fin()).isTrue();
            assertThat(t.masked()).as("server frames are never masked").isFalse();
            assertThat(t.text()).isEqualTo(text);
            WsClient.Frame b = c.read();
            assertThat(b.opcode()).isEqualTo(Frames.BINARY);
            assertThat(b.payload()).isEqualTo(data);
        }
    }

    @Test
    void aFragmentedMessageWithPingsBetweenItsFragmentsIsEchoedWholeAfterThePongs() throws Exception {
        try (WsClient c = open("/echo")) {
            c.frame(false, Frames.TEXT, "Hello, ".getBytes(StandardCharsets.UTF_8));
            c.frame(true, Frames.PING, "p1".getBytes(StandardCharsets.UTF_8));
            c.frame(false, Frames.CONTINUATION, "fragmented ".getBytes(StandardCharsets.UTF_8));
            c.frame(true, Frames.CONTINUATION, "world".getBytes(StandardCharsets.UTF_8));
            WsClient.Frame pong = c.read();
            assertThat(pong.opcode()).isEqualTo(Frames.PONG);
            assertThat(pong.text()).isEqualTo("p1");
            assertThat(c.read().text()).isEqualTo("Hello, fragmented world");
        }
    }

    @Test
    void aMessageSentWithTheHandshakeIsReceived() throws Exception {
        // the first message rides in the same write as the upgrade request: Tulip hands those bytes over
        try (WsClient c = WsClient.open(app.port(), "/echo", "", 0)) {
            c.text("first");
            assertThat(c.read().text()).isEqualTo("first");
        }
    }

    @Test
    void aPingIsAnsweredWithAPongOfTheSamePayload() throws Exception {
        try (WsClient c = open("/echo")) {
            byte[] payload = new byte[125];
            Arrays.fill(payload, (byte) 7);
            c.frame(true, Frames.PING, payload);
            WsClient.Frame pong = c.read();
            assertThat(pong.opcode()).isEqualTo(Frames.PONG);
            assertThat(pong.payload()).isEqualTo(payload);
        }
    }

    @Test
    void anUnsolicitedPongIsIgnored() throws Exception {
        try (WsClient c = open("/echo")) {
            c.frame(true, Frames.PONG, new byte[3]).text("still here");
            assertThat(c.read().text()).isEqualTo("still here");
        }
    }

    @Test
    void theClientsCloseIsEchoedWithItsCodeAndTheServerEndsTheConnection() throws Exception {
        try (WsClient c = open("/watch")) {
            c.close(1000, "bye");
            WsClient.Frame close = c.read();
            assertThat(close.closeCode()).isEqualTo(1000);
            assertThat(c.awaitEnd()).isTrue();
            WebSocketClosedException end = handlerEnd.get(5, TimeUnit.SECONDS);
            assertThat(end.code()).isEqualTo(1000);
            assertThat(end.reason()).isEqualTo("bye");
        }
    }

    @Test
    void anEmptyCloseIsEchoedEmptyAndTheHandlerSees1005() throws Exception {
        try (WsClient c = open("/watch")) {
            c.frame(true, Frames.CLOSE, new byte[0]);
            assertThat(c.read().payload()).isEmpty();
            assertThat(handlerEnd.get(5, TimeUnit.SECONDS).code()).isEqualTo(1005);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 2999, 5000})
    void aCloseWithACodeNoEndpointMaySendIsAnswered1002(int code) throws Exception {
        try (WsClient c = open("/echo")) {
            c.close(code, "");
            WsClient.Frame close = c.read();
            assertThat(close.closeCode()).isEqualTo(1002);
            assertThat(close.closeReason()).contains(String.valueOf(code));
            assertThat(c.awaitEnd()).isTrue();
        }
    }

    @Test
    void aCloseReasonThatIsNotUtf8IsAnswered1007() throws Exception {
        try (WsClient c = open("/echo")) {
            c.frame(true, Frames.CLOSE, new byte[] {0x03, (byte) 0xe8, (byte) 0xff});
            assertThat(c.read().closeCode()).isEqualTo(1007);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "unmasked",
                "reserved bit",
                "opcode 3",
                "opcode 11",
                "fragmented ping",
                "ping of 126",
                "orphan continuation",
                "text inside text"
            })
    void aFrameThatBreaksTheProtocolIsClosed1002WithAReason(String what) throws Exception {
        byte[] a = {'a'};
        try (WsClient c = open("/watch")) {
            switch (what) {
                case "unmasked" -> c.frame(true, 0, Frames.TEXT, a, false);
                case "reserved bit" -> c.frame(true, 4, Frames.TEXT, a, true);
                case "opcode 3" -> c.frame(true, 3, a);
                case "opcode 11" -> c.frame(true, 11, a);
                case "fragmented ping" -> c.frame(false, Frames.PING, a);
                case "ping of 126" -> c.frame(true, Frames.PING, new byte[126]);
                case "orphan continuation" -> c.frame(true, Frames.CONTINUATION, a);
                case "text inside text" -> c.frame(false, Frames.TEXT, a).frame(true, Frames.TEXT, a);
                default -> throw new IllegalArgumentException(what);
            }
            WsClient.Frame close = c.read();
            assertThat(close.closeCode()).as(what).isEqualTo(1002);
            assertThat(close.closeReason()).isNotEmpty();
            assertThat(c.awaitEnd()).isTrue();
            assertThat(handlerEnd.get(5, TimeUnit.SECONDS).code()).isEqualTo(1002);
        }
    }

    @Test
    void textThatIsNotUtf8IsClosed1007EvenWhenTheBadByteIsInALaterFragment() throws Exception {
        try (WsClient c = open("/echo")) {
            c.frame(false, Frames.TEXT, "fine so far".getBytes(StandardCharsets.UTF_8));
            c.frame(false, Frames.CONTINUATION, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
            assertThat(c.read().closeCode()).isEqualTo(1007);
        }
    }

    @Test
    void aFrameOverMaxFrameSizeIsClosed1009() throws Exception {
        try (WsClient c = open("/limits")) {
            c.binary(new byte[1000]);
            assertThat(c.read().payload()).hasSize(1000);
            c.binary(new byte[1001]);
            assertThat(c.read().closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void aMessageOverMaxMessageSizeIsClosed1009() throws Exception {
        try (WsClient c = open("/limits")) {
            c.frame(false, Frames.BINARY, new byte[1000]).frame(true, Frames.CONTINUATION, new byte[501]);
            assertThat(c.read().closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void aQuietClientIsPinged() throws Exception {
        try (WsClient c = open("/keepalive")) {
            long start = System.nanoTime();
            WsClient.Frame ping = c.read();
            assertThat(ping.opcode()).isEqualTo(Frames.PING);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void anIdleClientIsClosed1001AndTheHandlerIsTold() throws Exception {
        try (WsClient c = open("/idle")) {
            WsClient.Frame close = c.read();
            assertThat(close.closeCode()).isEqualTo(1001);
            assertThat(close.closeReason()).isEqualTo("idle timeout");
            assertThat(handlerEnd.get(5, TimeUnit.SECONDS).code()).isEqualTo(1001);
            assertThat(c.awaitEnd())
                    .as("cut after the close timeout, as the client never answers")
                    .isTrue();
        }
    }

    @Test
    void aClientThatDisappearsEndsTheHandlersReceiveWith1006() throws Exception {
        WsClient c = open("/watch");
        c.text("hello");
        assertThat(c.read().text()).isEqualTo("hello");
        c.close();
        WebSocketClosedException end = handlerEnd.get(5, TimeUnit.SECONDS);
        assertThat(end.code()).isEqualTo(1006);
    }

    @Test
    void aHandlerThatThrowsClosesWith1011() throws Exception {
        try (WsClient c = open("/fails")) {
            WsClient.Frame close = c.read();
            assertThat(close.closeCode()).isEqualTo(1011);
            assertThat(close.closeReason()).isEqualTo("internal error");
        }
    }

    @Test
    void aHandlerThatReturnsClosesWith1000AndTheConnectionEndsWhenTheClientAnswers() throws Exception {
        try (WsClient c = open("/returns")) {
            assertThat(c.read().closeCode()).isEqualTo(1000);
            c.close(1000, "");
            assertThat(c.awaitEnd()).isTrue();
        }
    }

    @Test
    void theHandlersCloseSendsItsCodeAndReasonOnce() throws Exception {
        try (WsClient c = open("/closes")) {
            c.text("go");
            WsClient.Frame close = c.read();
            assertThat(close.closeCode()).isEqualTo(4000);
            assertThat(close.closeReason()).isEqualTo("done");
            c.close(4000, "");
            assertThat(c.awaitEnd()).as("no second close frame, then the end").isTrue();
        }
    }
}
