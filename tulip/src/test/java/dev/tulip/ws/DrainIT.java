package dev.tulip.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the app closes its websockets with 1001 within the drain timeout. */
class DrainIT {

    @Test
    void aDrainClosesOpenWebSocketsWith1001AndCutsThoseThatDoNotAnswer() throws Exception {
        CompletableFuture<Integer> handlerSaw = new CompletableFuture<>();
        Tulip app = Tulip.create(c -> c.port(0).drainTimeout(Duration.ofSeconds(10)));
        app.get("/ws", WebSockets.handler(cfg -> cfg.closeTimeout(Duration.ofMillis(500)), ws -> {
            try {
                while (true) ws.send(ws.receive());
            } catch (WebSocketClosedException e) {
                handlerSaw.complete(e.code());
            }
        }));
        app.start();
        try (WsClient polite = WsClient.open(app.port(), "/ws");
                WsClient deaf = WsClient.open(app.port(), "/ws")) {
            polite.text("hi");
            assertThat(polite.read().text()).isEqualTo("hi");
            long start = System.nanoTime();
            Thread stopper = Thread.ofVirtual().start(app::stop);
            WsClient.Frame close = polite.readClose();
            assertThat(close.closeCode()).isEqualTo(1001);
            assertThat(close.closeReason()).isEqualTo("the server is shutting down");
            polite.close(1001, "");
            assertThat(polite.awaitEnd()).isTrue();
            assertThat(deaf.readClose().closeCode()).isEqualTo(1001); // and never answers
            assertThat(deaf.awaitEnd()).isTrue();
            stopper.join(Duration.ofSeconds(10));
            assertThat(stopper.isAlive()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("the deaf one is cut at its close timeout, long before the drain timeout")
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(handlerSaw.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
        }
    }
}
