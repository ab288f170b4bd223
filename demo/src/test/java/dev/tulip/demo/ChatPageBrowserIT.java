package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.Chromium;
import dev.tulip.test.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo's {@code /chat} page in a real headless Chromium: the websocket chat and the live contacts. */
class ChatPageBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestServer server;
    private static Chromium browser;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Chromium.available())
                .as("Debian's chromium is needed (./test.sh installs it: apt-get install chromium)")
                .isTrue();
        server = TestServer.start(DemoApp.create(c -> c.port(0)));
        http = HttpClient.newHttpClient();
        browser = Chromium.start();
        browser.open("http://127.0.0.1:" + server.port() + "/chat");
        assertThat(text("#chat-status", "connected")).isEqualTo("connected");
        assertThat(text("#events-status", "connected")).isEqualTo("connected");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (http != null) http.shutdownNow();
        if (server != null) assertThat(server.stop()).isTrue();
    }

    /** Waits for the text of {@code selector} to contain {@code wanted}; returns the last text seen. */
    private static String text(String selector, String wanted) throws Exception {
        JsonNode v = browser.await(
                "document.querySelector('" + selector + "').textContent",
                t -> t.asString().contains(wanted),
                WAIT);
        return v == null ? null : v.asString();
    }

    /** A chat member outside the browser. */
    private static LinkedBlockingQueue<String> member(WebSocket[] socket) throws Exception {
        var received = new LinkedBlockingQueue<String>();
        socket[0] = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/chat"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        received.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        return received;
    }

    @Test
    void messagesGoBothWaysBetweenThePageAndAnotherMember() throws Exception {
        var socket = new WebSocket[1];
        var received = member(socket);

        socket[0].sendText("hello from the JVM", true).get(5, TimeUnit.SECONDS);
        assertThat(text("#messages", "hello from the JVM")).contains("hello from the JVM");

        browser.eval("document.getElementById('chat-input').value = 'hello from the page';"
                + " document.getElementById('chat-form').requestSubmit(); true");
        String got;
        do got = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        while (got != null && !got.equals("hello from the page"));
        assertThat(got).isEqualTo("hello from the page");
        socket[0].sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Test
    void aMessageIsShownAsTextNeverAsMarkup() throws Exception {
        var socket = new WebSocket[1];
        member(socket);
        String hostile = "<img src=x onerror=\"document.title='owned'\">";
        socket[0].sendText(hostile, true).get(5, TimeUnit.SECONDS);

        assertThat(text("#messages", hostile)).contains(hostile);
        assertThat(browser.eval("document.querySelector('#messages img') === null && document.title !== 'owned'")
                        .asBoolean())
                .isTrue();
        socket[0].sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Test
    void aContactCreatedFromThePageAppearsInItsLiveList() throws Exception {
        browser.eval("document.getElementById('contact-name').value = 'Lin Browser';"
                + " document.getElementById('contact-form').requestSubmit(); true");

        assertThat(text("#contacts", "Lin Browser")).matches("(?s).*Lin Browser — id [0-9a-f]{24}.*");
        assertThat(server.client().get("/?limit=1000").text()).contains("Lin Browser");
    }
}
