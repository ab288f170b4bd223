package dev.tulip.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** HTTP dates (IMF-fixdate, RFC 9110 §5.6.7): {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
public final class HttpDate {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private HttpDate() {}

    /** {@code time} (an {@code Instant} or zoned time) as an HTTP date. */
    public static String format(TemporalAccessor time) {
        return FORMAT.format(time);
    }
}
