package dev.tulip.client;

import dev.tulip.client.internal.RawResponse;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A response whose body is read as it arrives ({@link #body}): the connection reads from the
 * socket only while the reader keeps up, so a large body costs a bounded amount of memory. Close it
 * when done: a body left unread before its end closes the connection instead of reusing it. Reads
 * throw the client's exceptions ({@link ReadTimeoutException}, {@link TotalTimeoutException}).
 */
public final class StreamedResponse implements AutoCloseable {
    private final RawResponse raw;

    StreamedResponse(RawResponse raw) {
        this.raw = raw;
    }

    /** The status code. */
    public int status() {
        return raw.status();
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return raw.status() / 100 == 2;
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        return raw.header(name);
    }

    /** Every value of header {@code name}. */
    public List<String> headers(String name) {
        return raw.headers().getOrDefault(name, List.of());
    }

    /** The URL that answered (the last, after redirects). */
    public String url() {
        return raw.url();
    }

    /** The body, read as it arrives; a blocking stream, for virtual threads. */
    public InputStream body() {
        return raw.stream();
    }

    /** Stops reading the body. */
    @Override
    public void close() {
        try {
            raw.stream().close();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
