package dev.tulip.internal.http;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The encoded {@code Date} header line, refreshed once a second by the server (not per response). */
final class DateHeader {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private volatile byte[] line = render();

    /** {@code Date: <IMF-fixdate>\r\n}. */
    byte[] line() {
        return line;
    }

    void refresh() {
        line = render();
    }

    private static byte[] render() {
        return ("Date: " + HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
