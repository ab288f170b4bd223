package dev.tulip.client.internal;

import java.io.IOException;

/** The connection closed before any byte of a response: the request may be sent again if idempotent. */
final class NoResponseException extends IOException {
    NoResponseException(String message) {
        super(message);
    }
}
