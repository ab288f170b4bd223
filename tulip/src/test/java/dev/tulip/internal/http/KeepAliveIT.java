package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Persistent connections, the headers the server owns, and HEAD / OPTIONS / 405 on the wire. */
class KeepAliveIT {
    private static final String THING = "the thing itself";
    private static Tulip app;
    private static int port;

    @BeforeAll
    static void start() {
        app = Tulip.create(cfg -> cfg.port(0).eventLoops(1));
        app.get("/thing", req -> THING);
        app.post("/thing", req -> "posted");
        app.get("/n/{n:int}", req -> "n=" + req.pathInt("n"));
        app.get(
                "/stream",
                req -> Response.stream("text/plain", out -> {
                    out.write("streamed ".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    out.write("body".getBytes(StandardCharsets.US_ASCII));
                }));
        app.start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    @Test
    void severalRequestsAreServedOneAfterAnotherOnOneConnection() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            for (int i = 0; i < 5; i++) {
                RawHttp.Response r = c.send(get("/n/" + i)).read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("n=" + i);
                assertThat(r.header("Connection")).isEmpty();
            }
        }
    }

    @Test
    void connectionCloseIsHonouredAndEchoed() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r = c.send("GET /thing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Connection")).hasValue("close");
            c.assertClosedByServer();
        }
    }

    @Test
    void http10WithoutKeepAliveIsClosedAfterTheResponse() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r =
                    c.send("GET /thing HTTP/1.0\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(THING);
            c.assertClosedByServer();
        }
    }

    @Test
    void http10WithKeepAliveStaysOpenAndSaysSo() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            for (int i = 0; i < 2; i++) {
                RawHttp.Response r = c.send("GET /thing HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                        .read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Connection")).hasValue("keep-alive");
                assertThat(r.text()).isEqualTo(THING);
            }
        }
    }

    @Test
    void responsesCarryServerAndDateHeaders() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, get("/thing"));
        assertThat(r.header("Server")).hasValue("Tulip");
        assertThat(r.header("Date").orElseThrow())
                .matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        DateTimeFormatter.RFC_1123_DATE_TIME.parse(r.header("Date").get());
    }

    @Test
    void anEmptyLineBeforeTheRequestIsIgnoredEvenWhenItsCrAndLfArriveApart() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("\r");
            Thread.sleep(100); // a separate read for the CR
            c.send("\n" + get("/thing"));
            assertThat(c.read().status()).isEqualTo(200);
        }
    }

    @Test
    void tooManyEmptyLinesBeforeTheRequestAreRejected() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("\r\n".repeat(9) + get("/thing"));
            assertThat(c.read().status()).isEqualTo(400);
            c.assertClosedByServer();
        }
    }

    @Test
    void theDateHeaderFollowsTheClockEachSecond() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            RawHttp.Response r = RawHttp.exchange(port, get("/thing"));
            java.time.Instant after = java.time.Instant.now();
            java.time.Instant date = java.time.ZonedDateTime.parse(
                            r.header("Date").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            // the cached value is refreshed on the second; allow one second for the refresh task
            assertThat(date).isBetween(before.minusSeconds(1), after);
            Thread.sleep(1100); // the next attempt must see a later second
        }
    }

    @Test
    void errorResponsesCarryServerAndDateHeadersToo() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, "GET / HTTP/1.1\r\n\r\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Server")).hasValue("Tulip");
        assertThat(r.header("Date")).isPresent();
    }

    @Test
    void headReturnsTheGetContentLengthWithoutABodyAndThePipelineContinues() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("HEAD /thing HTTP/1.1\r\nHost: x\r\n\r\n" + get("/n/7"));
            RawHttp.Response head = c.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).hasValue(String.valueOf(THING.length()));
            RawHttp.Response next = c.read(); // would misparse if the HEAD response had carried a body
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.text()).isEqualTo("n=7");
        }
    }

    @Test
    void aStreamedBodyIsChunkedAndTheConnectionStaysOpen() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r = c.send(get("/stream")).read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Transfer-Encoding")).hasValue("chunked");
            assertThat(r.text()).isEqualTo("streamed body");
            assertThat(c.send(get("/thing")).read().text()).isEqualTo(THING);
        }
    }

    @Test
    void headOfAStreamedRouteHasNoBodyAndThePipelineContinues() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("HEAD /stream HTTP/1.1\r\nHost: x\r\n\r\n" + get("/n/8"));
            RawHttp.Response head = c.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEmpty();
            RawHttp.Response next = c.read();
            assertThat(next.text()).isEqualTo("n=8");
        }
    }

    @Test
    void aStreamedBodyToAnHttp10ClientIsNotChunkedButEndsWithTheConnection() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r = c.send("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                    .read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Transfer-Encoding")).isEmpty();
            assertThat(r.header("Connection")).hasValue("close");
            assertThat(r.text()).isEqualTo("streamed body"); // read to the end of the stream
        }
    }

    @Test
    void optionsOnARouteAnswers204WithAllow() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r =
                    c.send("OPTIONS /thing HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.header("Content-Length")).isEmpty();
            assertThat(r.header("Allow").orElseThrow().split(",\\s*")).contains("GET", "HEAD", "POST", "OPTIONS");
            // a 204 has no body: the next response follows directly
            assertThat(c.send(get("/thing")).read().text()).isEqualTo(THING);
        }
    }

    @Test
    void anUnknownMethodOnAnExistingPathIs405WithAllow() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r =
                    c.send("BREW /thing HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.header("Allow").orElseThrow().split(",\\s*")).contains("GET", "HEAD", "POST", "OPTIONS");
            assertThat(r.closes()).isFalse();
            assertThat(c.send(get("/thing")).read().status()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownPathIs404AndKeepsTheConnection() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            assertThat(c.send(get("/nowhere")).read().status()).isEqualTo(404);
            assertThat(c.send(get("/thing")).read().status()).isEqualTo(200);
        }
    }
}
