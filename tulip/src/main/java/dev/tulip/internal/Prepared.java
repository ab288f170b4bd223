package dev.tulip.internal;

import dev.tulip.Response;
import dev.tulip.spi.Upgrade;

/**
 * A response ready for the wire: the {@link Response} plus its body encoded to bytes (done on the
 * handler's thread, so JSON encoding never runs on the event loop for blocking routes), or the
 * writer of a streamed body; a file body stays in the {@link Response} ({@link #file()}).
 */
public record Prepared(Response response, byte[] body, Response.BodyWriter stream) {
    static final byte[] EMPTY = new byte[0];

    /** The file region of this response's body, or {@code null}. */
    public Response.Body.File file() {
        return response.body() instanceof Response.Body.File f ? f : null;
    }

    /** How many body bytes this response sends (a stream's are counted as written). */
    public long length() {
        Response.Body.File f = file();
        return f != null ? f.length() : body == null ? 0 : body.length;
    }

    /** The protocol that takes the connection over after this response ({@code 101}), or {@code null}. */
    public Upgrade upgrade() {
        return response.body() instanceof Response.Body.Takeover t ? t.upgrade() : null;
    }
}
