package dev.tulip.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (RFC 9110 §5.6.7): written as IMF-fixdate, read in that form (others are ignored, as the RFC allows). */
final class HttpDates {
    private static final DateTimeFormatter FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private HttpDates() {}

    static String format(long epochSecond) {
        return FIXDATE.format(Instant.ofEpochSecond(epochSecond));
    }

    /** The date in {@code value} in epoch seconds, or empty if it is not a valid date. */
    static Optional<Long> parse(String value) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim()))
                    .getEpochSecond());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
