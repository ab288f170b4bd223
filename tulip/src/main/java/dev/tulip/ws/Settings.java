package dev.tulip.ws;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A websocket route's settings, built by {@link WebSockets.Builder}. */
record Settings(
        List<String> subprotocols,
        Set<String> origins,
        int maxFrameSize,
        int maxMessageSize,
        int outboundQueue,
        boolean failWhenFull,
        Duration sendTimeout,
        int inboundQueue,
        Duration pingInterval,
        Duration idleTimeout,
        Duration closeTimeout) {

    /** Whether {@code origin} may open websockets whatever the host (the allowed list has {@code "*"}). */
    boolean anyOrigin() {
        return origins.contains("*");
    }
}
