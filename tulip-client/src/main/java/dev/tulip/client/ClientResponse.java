package dev.tulip.client;

import dev.tulip.client.internal.RawResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** A response with its body in memory. */
public final class ClientResponse {
    private final RawResponse raw;
    private final ObjectMapper mapper;

    ClientResponse(RawResponse raw, ObjectMapper mapper) {
        this.raw = raw;
        this.mapper = mapper;
    }

    /** The status code. */
    public int status() {
        return raw.status();
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return raw.status() / 100 == 2;
    }

    /** This response when its status is 2xx; else an {@link HttpStatusException} carrying it. */
    public ClientResponse orThrow() {
        if (!isSuccess()) throw new HttpStatusException(raw.method(), raw.urlForMessages(), this);
        return this;
    }

    /** The first value of header {@code name} (any case). */
    public Optional<String> header(String name) {
        return raw.header(name);
    }

    /** Every value of header {@code name}. */
    public List<String> headers(String name) {
        return raw.headers().getOrDefault(name, List.of());
    }

    /** Every header, names in any case. */
    public Map<String, List<String>> headers() {
        return raw.headers();
    }

    /** The URL that answered (the last, after redirects). */
    public String url() {
        return raw.url();
    }

    /** The body. */
    public byte[] bytes() {
        return raw.body().clone();
    }

    /** The body as text, in the charset of its {@code Content-Type} (UTF-8 when none). */
    public String text() {
        return new String(raw.body(), charset(raw.header("Content-Type").orElse("")));
    }

    /** The body read as JSON into {@code type}. */
    public <T> T as(Class<T> type) {
        try {
            return mapper.readValue(raw.body(), type);
        } catch (JacksonException e) {
            throw new ConnectionClosedException(
                    "the response body is not JSON of " + type.getSimpleName() + " (" + e.getOriginalMessage() + ")",
                    raw.method(),
                    raw.urlForMessages(),
                    e);
        }
    }

    static Charset charset(String contentType) {
        int i = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (i < 0) return StandardCharsets.UTF_8;
        String name = contentType.substring(i + 8).split("[;,\\s]")[0].replace("\"", "");
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    @Override
    public String toString() {
        return raw.status() + " from " + raw.method() + " " + raw.url();
    }
}
