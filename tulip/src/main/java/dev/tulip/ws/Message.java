package dev.tulip.ws;

import java.nio.charset.StandardCharsets;

/** A whole websocket message from the client (fragments already joined): text or binary. */
public sealed interface Message {

    /** The message as text: a text message's own, a binary message's bytes decoded as UTF-8. */
    String text();

    /** The message as bytes: a binary message's own, a text message's UTF-8 encoding. */
    byte[] bytes();

    /** A text message; its UTF-8 was checked when it arrived. */
    record Text(String text) implements Message {
        @Override
        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A binary message. */
    record Binary(byte[] data) implements Message {
        @Override
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] bytes() {
            return data;
        }
    }
}
