package dev.tulip.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One server-sent event: {@code data} (several lines become several {@code data:} fields), and
 * optionally an {@code id}, an {@code event} type and a {@code retry} delay. Immutable: each
 * method returns a new event. Made with {@link Sse#event}; encoded once, however many streams it
 * goes to.
 */
public final class SseEvent {
    private final String data;
    private final Optional<String> id;
    private final Optional<String> event;
    private final Optional<Duration> retry;
    private volatile byte[] bytes;

    SseEvent(String data, Optional<String> id, Optional<String> event, Optional<Duration> retry) {
        if (data == null) throw new IllegalArgumentException("data must not be null; use \"\" for none");
        this.data = data;
        this.id = id;
        this.event = event;
        this.retry = retry;
    }

    /** This event with {@code id}, which the browser sends back as {@code Last-Event-ID} when it reconnects. */
    public SseEvent id(String id) {
        return new SseEvent(data, Optional.of(field("id", id)), event, retry);
    }

    /** This event with type {@code name} (a browser's {@code addEventListener(name, ...)}); without one it is a {@code message}. */
    public SseEvent event(String name) {
        return new SseEvent(data, id, Optional.of(field("event", name)), retry);
    }

    /** This event telling the browser to wait {@code delay} before reconnecting. */
    public SseEvent retry(Duration delay) {
        if (delay.isNegative()) throw new IllegalArgumentException("retry must not be negative, was " + delay);
        return new SseEvent(data, id, event, Optional.of(delay));
    }

    /** The data, as given. */
    public String data() {
        return data;
    }

    /** The id, if set. */
    public Optional<String> id() {
        return id;
    }

    /** The event type, if set. */
    public Optional<String> event() {
        return event;
    }

    /** The reconnection delay, if set. */
    public Optional<Duration> retry() {
        return retry;
    }

    private static String field(String name, String value) {
        if (value == null) throw new IllegalArgumentException(name + " must not be null");
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0)
            throw new IllegalArgumentException("an event's " + name + " may not contain CR, LF or NUL: " + value);
        return value;
    }

    /** The event on the wire (the {@code text/event-stream} format), ending with its blank line. */
    byte[] bytes() {
        byte[] b = bytes;
        if (b == null) bytes = b = encode();
        return b;
    }

    private byte[] encode() {
        StringBuilder s = new StringBuilder(data.length() + 32);
        id.ifPresent(v -> s.append("id: ").append(v).append('\n'));
        event.ifPresent(v -> s.append("event: ").append(v).append('\n'));
        retry.ifPresent(v -> s.append("retry: ").append(v.toMillis()).append('\n'));
        for (String line : data.split("\r\n|\r|\n", -1))
            s.append("data: ").append(line).append('\n');
        s.append('\n');
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line ({@code : text}) per line of {@code text}, and the blank line; browsers ignore it. */
    static byte[] comment(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 4);
        for (String line : text.split("\r\n|\r|\n", -1))
            out.writeBytes((": " + line + "\n").getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
