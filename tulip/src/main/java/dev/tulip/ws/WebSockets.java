package dev.tulip.ws;

import dev.tulip.Handler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * WebSockets (RFC 6455) on a route: {@link #handler} answers the opening handshake and runs a
 * {@link WebSocketHandler} for each websocket, as straight-line code on its own virtual thread.
 *
 * <pre>{@code
 * app.get("/ws/echo", WebSockets.handler(ws -> {
 *     for (Message m : ws) ws.send(m); // ends when the client closes
 * }));
 * }</pre>
 *
 * <p>The handshake must be a {@code GET} with {@code Upgrade: websocket}, {@code Connection:
 * upgrade}, {@code Sec-WebSocket-Version: 13} and a {@code Sec-WebSocket-Key} of 16 base64 bytes;
 * otherwise it is answered {@code 400} (or {@code 426} with {@code Sec-WebSocket-Version: 13} for
 * another version) and no handler runs. A browser's {@code Origin} must be the page's own (same
 * scheme-less host and port as {@code Host}) unless {@link Builder#allowOrigins} lists it;
 * another origin is refused with {@code 403}. Requests without {@code Origin} (not from a browser)
 * are accepted. Pings are answered, a keep-alive ping goes out when the client has been quiet for
 * {@code pingInterval}, and a client silent for {@code idleTimeout} (no pong either) is closed
 * with {@code 1001}. When the app drains, every open websocket is closed with {@code 1001}.
 * Extensions (permessage-deflate) are not negotiated.
 */
public final class WebSockets {
    private WebSockets() {}

    /** A route handler for websockets served by {@code handler}, with the default settings. */
    public static Handler handler(WebSocketHandler handler) {
        return handler(cfg -> {}, handler);
    }

    /** A route handler for websockets served by {@code handler}, with the settings {@code config} sets. */
    public static Handler handler(Consumer<Builder> config, WebSocketHandler handler) {
        if (handler == null) throw new IllegalArgumentException("handler must not be null");
        Builder b = new Builder();
        config.accept(b);
        Settings s = b.build();
        return Handler.nonBlocking(req -> Handshake.answer(req, s, handler));
    }

    /** The settings of a websocket route. */
    public static final class Builder {
        private final List<String> subprotocols = new ArrayList<>();
        private final Set<String> origins = new LinkedHashSet<>();
        private int maxFrameSize = 1 << 20;
        private int maxMessageSize = 1 << 20;
        private int outboundQueue = 256 * 1024;
        private boolean failWhenFull;
        private Duration sendTimeout = Duration.ofSeconds(30);
        private int inboundQueue = 16;
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration closeTimeout = Duration.ofSeconds(5);

        private Builder() {}

        /** Subprotocols the route speaks, preferred first; the first one the client also offers is chosen. */
        public Builder subprotocols(String... names) {
            for (String n : names) {
                if (n == null || n.isBlank() || n.contains(",") || n.contains(" "))
                    throw new IllegalArgumentException("a subprotocol is one token, was '" + n + "'");
                subprotocols.add(n);
            }
            return this;
        }

        /**
         * Origins allowed besides the page's own, as {@code scheme://host[:port]} (for example
         * {@code "https://app.example.com"}), or {@code "*"} for any origin.
         */
        public Builder allowOrigins(String... origins) {
            for (String o : origins) {
                if (o == null || !(o.equals("*") || o.matches("[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#\\s]+")))
                    throw new IllegalArgumentException(
                            "an origin is scheme://host[:port] with no path (or \"*\"), was '" + o + "'");
                this.origins.add(o.equals("*") ? o : Origins.normalize(o.toLowerCase(Locale.ROOT)));
            }
            return this;
        }

        /** The largest frame payload accepted (default 1 MiB); a larger one closes with {@code 1009}. */
        public Builder maxFrameSize(int bytes) {
            this.maxFrameSize = positive(bytes, "maxFrameSize");
            return this;
        }

        /** The largest message accepted, its fragments together (default 1 MiB); larger closes with {@code 1009}. */
        public Builder maxMessageSize(int bytes) {
            this.maxMessageSize = positive(bytes, "maxMessageSize");
            return this;
        }

        /** Bytes of sent messages that may wait for a slow client (default 256 KiB). */
        public Builder outboundQueue(int bytes) {
            this.outboundQueue = positive(bytes, "outboundQueue");
            return this;
        }

        /** Sends throw {@link SendQueueFullException} when the outbound queue is full, instead of waiting. */
        public Builder failWhenFull() {
            this.failWhenFull = true;
            return this;
        }

        /** How long a send waits for room in the outbound queue (default 30 s), then throws {@code DeadlineExceededException}. */
        public Builder sendTimeout(Duration timeout) {
            this.sendTimeout = positive(timeout, "sendTimeout");
            return this;
        }

        /** Messages received but not yet taken by the handler before the server stops reading (default 16). */
        public Builder inboundQueue(int messages) {
            this.inboundQueue = positive(messages, "inboundQueue");
            return this;
        }

        /** A ping is sent when the client has sent nothing for this long (default 30 s); zero sends none. */
        public Builder pingInterval(Duration interval) {
            if (interval == null || interval.isNegative())
                throw new IllegalArgumentException("pingInterval must be zero (no pings) or positive");
            this.pingInterval = interval;
            return this;
        }

        /** A client that sends nothing, not even a pong, for this long is closed with {@code 1001} (default 60 s). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /** How long a close waits for the client's close frame before the connection is cut (default 5 s). */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = positive(timeout, "closeTimeout");
            return this;
        }

        private Settings build() {
            return new Settings(
                    List.copyOf(subprotocols),
                    Set.copyOf(origins),
                    Math.min(maxFrameSize, maxMessageSize), // a frame is at most a whole message
                    maxMessageSize,
                    outboundQueue,
                    failWhenFull,
                    sendTimeout,
                    inboundQueue,
                    pingInterval,
                    idleTimeout,
                    closeTimeout);
        }

        private static int positive(int v, String name) {
            if (v <= 0) throw new IllegalArgumentException(name + " must be positive, was " + v);
            return v;
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative())
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            return d;
        }
    }
}
