package dev.tulip.internal.http;

import dev.tulip.internal.HttpDate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The encoded {@code Date} header line, refreshed once a second by the server (not per response). */
final class DateHeader {
    private volatile byte[] line = render();

    /** {@code Date: <IMF-fixdate>\r\n}. */
    byte[] line() {
        return line;
    }

    void refresh() {
        line = render();
    }

    private static byte[] render() {
        return ("Date: " + HttpDate.format(Instant.now()) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
