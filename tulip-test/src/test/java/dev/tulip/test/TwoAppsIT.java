package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The seed's "two servers in one process": app ping answers by calling app pong over HTTP. */
class TwoAppsIT {

    @Test
    void oneAppCallsTheOtherOverHttpInTheSameJvm() {
        Tulip pong = Tulip.create(c -> c.port(0).eventLoops(1));
        pong.get("/pong", req -> "pong");
        try (TestServer pongServer = TestServer.start(pong);
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()) {
            URI pongUri = URI.create(pongServer.client().baseUrl() + "/pong");
            Tulip ping = Tulip.create(c -> c.port(0).eventLoops(1));
            ping.get(
                    "/ping",
                    req -> { // blocking call on the handler's virtual thread
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(pongUri)
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        return "ping -> " + r.statusCode() + " " + r.body();
                    });
            try (TestServer pingServer = TestServer.start(ping)) {
                assertThat(pingServer.port()).isNotEqualTo(pongServer.port());
                for (int i = 0; i < 3; i++) {
                    TestResponse r = pingServer.client().get("/ping");
                    assertThat(r.status()).isEqualTo(200);
                    assertThat(r.text()).isEqualTo("ping -> 200 pong");
                }
                assertThat(pingServer.stop()).isTrue();
            }
            assertThat(pongServer.client().get("/pong").text())
                    .as("pong still serves after ping stopped")
                    .isEqualTo("pong");
            assertThat(pongServer.stop()).isTrue();
        }
    }
}
