package dev.tulip.web;

import dev.tulip.RequestBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * One part of a {@code multipart/form-data} body, read as it arrives: a field (no file name) or a
 * file. Its {@link #body()} ends where the part does; reading past the part's limit throws a
 * {@link RequestBodyException} with status 413.
 */
public final class Part {
    final PartHeaders headers;
    private final MultipartScanner scanner;
    private final long limit;
    private long read;
    private boolean ended;

    Part(PartHeaders headers, MultipartScanner scanner, long limit) {
        this.headers = headers;
        this.scanner = scanner;
        this.limit = limit;
    }

    /** The form field's name. */
    public String name() {
        return headers.name();
    }

    /** Whether the part is a file (its {@code Content-Disposition} has a file name, maybe empty). */
    public boolean isFile() {
        return headers.submittedFilename().isPresent();
    }

    /**
     * The file name, safe to use under a directory of yours: the last segment of what was sent,
     * without control characters, reserved characters, leading dots or device names, at most 255
     * bytes; {@code upload} if nothing usable was sent. Empty for a field.
     */
    public Optional<String> filename() {
        return headers.submittedFilename().map(PartHeaders::safeFilename);
    }

    /** The file name exactly as the client sent it: for display (escaped), never for a path. */
    public Optional<String> submittedFilename() {
        return headers.submittedFilename();
    }

    /** The part's {@code Content-Type}, if it has one. */
    public Optional<String> contentType() {
        return headers.contentType();
    }

    /** A header of the part (case-insensitive name). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.fields().get(name.toLowerCase(Locale.ROOT)));
    }

    /** The part's bytes, as they arrive. */
    public InputStream body() {
        return new InputStream() {
            private final byte[] one = new byte[1];

            @Override
            public int read() throws IOException {
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                if (ended) return -1;
                if (len == 0) return 0;
                int n = scanner.readBody(b, off, len);
                if (n < 0) {
                    ended = true;
                    return -1;
                }
                read += n;
                if (read > limit)
                    throw new RequestBodyException(
                            413,
                            (isFile() ? "file '" : "field '") + name() + "' is larger than the limit of " + limit
                                    + " bytes");
                return n;
            }
        };
    }

    /** The part's value as text (its {@code charset}, UTF-8 by default), within the field limit. */
    public String text() throws IOException {
        return new String(body().readAllBytes(), headers.charset());
    }

    /** Skips what the handler did not read (the next part starts after it). */
    void finish() {
        ended = true;
    }
}
