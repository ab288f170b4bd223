package dev.tulip.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import dev.tulip.Tulip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The opening handshake over real sockets: what is answered 101, and every refusal (never a 200). */
class HandshakeIT {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String GOOD =
            "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + KEY
                    + "\r\n";

    private Tulip app;

    @BeforeEach
    void start() {
        app = Tulip.create(c -> c.port(0));
        WebSocketHandler echo = ws -> {
            for (Message m : ws) ws.send(m);
        };
        app.get("/ws", WebSockets.handler(echo));
        app.post("/ws", WebSockets.handler(echo));
        app.get("/chat", WebSockets.handler(cfg -> cfg.subprotocols("chat.v2", "chat.v1"), echo));
        app.get("/open", WebSockets.handler(cfg -> cfg.allowOrigins("https://app.example.com"), echo));
        app.start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private RawHttp.Response handshake(String method, String path, String headers) throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            return c.send(method, path, headers).read(); // a 101 has no body: its head only
        }
    }

    @Test
    void aGoodHandshakeIsAnswered101WithTheAcceptOfTheRfcExample() throws Exception {
        RawHttp.Response r = handshake("GET", "/ws", GOOD);
        assertThat(r.status()).isEqualTo(101);
        assertThat(r.header("Upgrade")).hasValue("websocket");
        assertThat(r.header("Sec-WebSocket-Accept")).hasValue("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertThat(r.header("Sec-WebSocket-Protocol")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no Upgrade header|Connection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: " + KEY
                        + "\\r\\n|400|Upgrade: websocket",
                "Upgrade is not websocket|Upgrade: h2c\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: "
                        + KEY + "\\r\\n|400|Upgrade: websocket",
                "no Connection: upgrade|Upgrade: websocket\\r\\nConnection: keep-alive\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: "
                        + KEY + "\\r\\n|400|Connection: Upgrade",
                "version 8|Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 8\\r\\nSec-WebSocket-Key: "
                        + KEY + "\\r\\n|426|version 13",
                "no version|Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Key: " + KEY
                        + "\\r\\n|426|version 13",
                "no key|Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\n|400|Sec-WebSocket-Key",
                "a key of 15 bytes|Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAA\\r\\n|400|16 random bytes",
                "a key that is not base64|Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: !!!!!!!!!!!!!!!!!!!!!!==\\r\\n|400|16 random bytes",
                "two keys|"
                        + "Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: "
                        + KEY + "\\r\\nSec-WebSocket-Key: " + KEY + "\\r\\n|400|one header",
                "another site's origin|"
                        + "Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: "
                        + KEY + "\\r\\nOrigin: https://evil.example\\r\\n|403|https://evil.example",
                "the null origin|"
                        + "Upgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: "
                        + KEY + "\\r\\nOrigin: null\\r\\n|403|not allowed",
            })
    void aBadHandshakeIsRefusedWithAClearMessage(String what, String headers, int status, String message)
            throws Exception {
        RawHttp.Response r = handshake("GET", "/ws", headers.replace("\\r\\n", "\r\n"));
        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.text()).as(what).contains("\"status\":" + status).contains(message);
        if (status == 426) assertThat(r.header("Sec-WebSocket-Version")).hasValue("13");
    }

    @Test
    void aPostIsRefused400() throws Exception {
        RawHttp.Response r = handshake("POST", "/ws", GOOD + "Content-Length: 0\r\n");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("GET request, not POST");
    }

    @Test
    void thePagesOwnOriginIsAccepted() throws Exception {
        // RawHttp sends Host: test
        assertThat(handshake("GET", "/ws", GOOD + "Origin: http://test\r\n").status())
                .isEqualTo(101);
        assertThat(handshake("GET", "/ws", GOOD + "Origin: http://TEST:80\r\n").status())
                .isEqualTo(101);
        assertThat(handshake("GET", "/ws", GOOD + "Origin: http://test:8080\r\n")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anAllowedOriginIsAcceptedAndOthersAreNot() throws Exception {
        assertThat(handshake("GET", "/open", GOOD + "Origin: https://app.example.com\r\n")
                        .status())
                .isEqualTo(101);
        assertThat(handshake("GET", "/open", GOOD + "Origin: https://app.example.com:443\r\n")
                        .status())
                .isEqualTo(101);
        assertThat(handshake("GET", "/open", GOOD + "Origin: http://app.example.com\r\n")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theRoutesPreferredSubprotocolAmongTheOfferedOnesIsChosen() throws Exception {
        RawHttp.Response r = handshake("GET", "/chat", GOOD + "Sec-WebSocket-Protocol: chat.v1, chat.v2\r\n");
        assertThat(r.status()).isEqualTo(101);
        assertThat(r.header("Sec-WebSocket-Protocol")).hasValue("chat.v2");
    }

    @Test
    void noSubprotocolIsChosenWhenNoneOfferedIsSpoken() throws Exception {
        RawHttp.Response r = handshake("GET", "/chat", GOOD + "Sec-WebSocket-Protocol: mqtt\r\n");
        assertThat(r.status()).isEqualTo(101);
        assertThat(r.header("Sec-WebSocket-Protocol")).isEmpty();
    }
}
