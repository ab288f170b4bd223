package dev.tulip.ws;

import dev.tulip.HttpException;
import dev.tulip.Request;
import dev.tulip.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The opening handshake (RFC 6455 section 4.2): checks the request in this order and answers the
 * first failure, never a {@code 200}: not {@code GET} → 400; no {@code Upgrade: websocket} or no
 * {@code Connection: upgrade} → 400; a version other than 13 → 426 with
 * {@code Sec-WebSocket-Version: 13}; a missing or malformed key → 400; a refused origin → 403.
 * Then {@code 101} with {@code Sec-WebSocket-Accept} and the chosen subprotocol.
 */
final class Handshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private Handshake() {}

    static Response answer(Request req, Settings s, WebSocketHandler handler) {
        if (!req.method().equals("GET"))
            throw HttpException.badRequest("a websocket handshake is a GET request, not " + req.method());
        if (!hasToken(req.headers().all("Upgrade"), "websocket")
                || !hasToken(req.headers().all("Connection"), "upgrade"))
            throw HttpException.badRequest(
                    "this route serves websockets: send a GET with 'Upgrade: websocket' and 'Connection: Upgrade'");
        List<String> versions = req.headers().all("Sec-WebSocket-Version");
        if (versions.size() != 1 || !versions.getFirst().trim().equals("13"))
            return Response.json(
                            426,
                            Map.of(
                                    "status", 426,
                                    "error", "Upgrade Required",
                                    "message", "this server speaks websocket version 13 (RFC 6455) only"))
                    .header("Sec-WebSocket-Version", "13");
        List<String> keys = req.headers().all("Sec-WebSocket-Key");
        if (keys.size() != 1 || !validKey(keys.getFirst().trim()))
            throw HttpException.badRequest("Sec-WebSocket-Key must be one header of 16 random bytes in base64");
        if (!Origins.allowed(req.header("Origin"), req.header("Host"), s))
            throw new HttpException(
                    403, "websockets from origin " + req.header("Origin").orElseThrow() + " are not allowed");
        Optional<String> protocol = choose(req.headers().all("Sec-WebSocket-Protocol"), s.subprotocols());
        Response r = Response.upgrade("websocket", conn -> Session.open(conn, s, protocol, handler))
                .header("Sec-WebSocket-Accept", accept(keys.getFirst().trim()));
        protocol.ifPresent(p -> r.header("Sec-WebSocket-Protocol", p));
        return r;
    }

    /** The {@code Sec-WebSocket-Accept} for {@code key}: base64(SHA-1(key + the RFC's GUID)). */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    private static boolean validKey(String key) {
        if (key.length() != 24) return false;
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The route's first subprotocol that the client offers. */
    private static Optional<String> choose(List<String> offered, List<String> supported) {
        if (offered.isEmpty() || supported.isEmpty()) return Optional.empty();
        for (String p : supported) if (hasToken(offered, p)) return Optional.of(p);
        return Optional.empty();
    }

    private static boolean hasToken(List<String> values, String token) {
        for (String v : values)
            for (String t : v.split(","))
                if (t.trim().toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT))) return true;
        return false;
    }
}
