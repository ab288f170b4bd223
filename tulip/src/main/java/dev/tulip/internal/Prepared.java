package dev.tulip.internal;

import dev.tulip.Response;
import dev.tulip.spi.Upgrade;

/**
 * A response ready for the wire: the {@link Response} plus its body encoded to bytes (done on the
 * handler's thread, so JSON encoding never runs on the event loop for blocking routes), or the
 * writer of a streamed body.
 */
public record Prepared(Response response, byte[] body, Response.BodyWriter stream) {
    static final byte[] EMPTY = new byte[0];

    /** The protocol that takes the connection over after this response ({@code 101}), or {@code null}. */
    public Upgrade upgrade() {
        return response.body() instanceof Response.Body.Takeover t ? t.upgrade() : null;
    }
}
