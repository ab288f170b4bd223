package com.example.pingpong;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import org.junit.jupiter.api.Test;

/** Two apps in one JVM, each on a free port, one calling the other (the seeds' ping/pong). */
class PingPongTest {

    @Test
    void pingCallsPong() {
        try (var pong = TestServer.start(Pong.create(cfg -> cfg.port(0)))) {
            String pongUrl = "http://127.0.0.1:" + pong.app().port();
            try (var ping = TestServer.start(Ping.create(cfg -> cfg.port(0).set(Ping.PONG_URL, pongUrl)))) {
                var r = ping.client().get("/ping");

                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().get("ping").asBoolean()).isTrue();
                assertThat(r.json().get("pong said").asString()).isEqualTo("{\"pong\":true}");
            }
        }
    }

    @Test
    void pingSays502WhenPongIsDown() {
        try (var ping = TestServer.start(Ping.create(cfg -> cfg.port(0).set(Ping.PONG_URL, "http://127.0.0.1:1")))) {
            var r = ping.client().get("/ping");

            assertThat(r.status()).isEqualTo(502);
            assertThat(r.json().get("message").asString()).isEqualTo("pong is unreachable at http://127.0.0.1:1/pong");
        }
    }
}
