package dev.tulip.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Broadcasts reach every member; a member too slow for them is closed with 1008 and dropped. */
class WebSocketHubIT {
    private final WebSocketHub room = new WebSocketHub();
    private Tulip app;

    @BeforeEach
    void start() {
        app = Tulip.create(c -> c.port(0));
        app.get("/room", WebSockets.handler(cfg -> cfg.outboundQueue(64 * 1024), ws -> {
            room.join(ws);
            ws.send("joined");
            for (Message m : ws) room.broadcast(m.text());
        }));
        app.start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private WsClient join(int receiveBuffer) throws IOException {
        WsClient c = WsClient.open(app.port(), "/room", "", receiveBuffer);
        assertThat(c.read().text()).isEqualTo("joined");
        return c;
    }

    private void awaitSize(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (room.size() != n && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(room.size()).isEqualTo(n);
    }

    @Test
    void aBroadcastReachesEveryMemberAndAClosedMemberLeaves() throws Exception {
        try (WsClient a = join(0);
                WsClient b = join(0)) {
            awaitSize(2);
            a.text("hello all");
            assertThat(a.read().text()).isEqualTo("hello all");
            assertThat(b.read().text()).isEqualTo("hello all");
            b.close(1000, "");
            b.readClose();
            awaitSize(1);
        }
    }

    @Test
    void aMemberThatStopsReadingIsClosed1008AndDroppedWhileTheOthersGetEveryMessage() throws Exception {
        try (WsClient talker = join(0);
                WsClient listener = join(0);
                WsClient slow = join(4096)) {
            awaitSize(3);
            String line = "x".repeat(32 * 1024);
            int messages = 500; // 16 MB: more than the slow member's socket buffers and queue hold
            for (int i = 0; i < messages; i++) {
                talker.text(line);
                // one message in flight for the members that read, so only the slow one's queue fills
                assertThat(talker.read().text()).isEqualTo(line);
                assertThat(listener.read().text()).isEqualTo(line);
            }
            awaitSize(2);
            WsClient.Frame f;
            do f = slow.read();
            while (f.opcode() == Frames.TEXT);
            assertThat(f.closeCode()).isEqualTo(WebSocketHub.TOO_SLOW);
            assertThat(f.closeReason()).contains("too slow");
        }
    }
}
