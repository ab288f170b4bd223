package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Config;
import dev.tulip.Tulip;
import dev.tulip.test.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

/** Two apps in one JVM: ping calls pong over HTTP, and a test starts both on free ports. */
public final class TwoServersExamples {
    private TwoServersExamples() {}

    // tag::guide-ping-pong-apps[]
    /** Answers "pong". */
    public static Tulip pong(Consumer<Config.Builder> config) {
        return Tulip.create(config).get("/pong", req -> "pong");
    }

    /** Asks pong at {@code pongUrl} and answers what it said. */
    public static Tulip ping(Consumer<Config.Builder> config, String pongUrl) {
        var http = HttpClient.newHttpClient();
        var app = Tulip.create(config);
        app.get(
                "/ping",
                req -> { // a virtual thread: waiting for pong blocks nothing else
                    var call = HttpRequest.newBuilder(URI.create(pongUrl + "/pong"))
                            .build();
                    return http.send(call, HttpResponse.BodyHandlers.ofString()).body();
                });
        app.onAfterStop(ctx -> http.close());
        return app;
    }
    // end::guide-ping-pong-apps[]

    /** The guide's test. */
    public static void guideTest() {
        // tag::guide-ping-pong-test[]
        try (var pong = TestServer.start(pong(cfg -> cfg.port(0)));
                var ping =
                        TestServer.start(ping(cfg -> cfg.port(0), pong.client().baseUrl()))) {
            assertThat(ping.client().get("/ping").text()).isEqualTo("pong");
            assertThat(ping.port()).isNotEqualTo(pong.port());
        } // closes ping, then pong
        // end::guide-ping-pong-test[]
    }
}
