package dev.tulip.client;

import dev.tulip.Tulip;
import dev.tulip.client.internal.PublisherInputStream;
import dev.tulip.client.internal.RawResponse;
import dev.tulip.client.internal.Req;
import dev.tulip.client.internal.Urls;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import tools.jackson.core.JacksonException;

/**
 * One request being built ({@code http.post("/users").header(...).query(...).json(user)}) and the
 * ways to send it. Blocking forms ({@link #send}, {@link #as}, {@link #text}, {@link #bytes},
 * {@link #stream}) are for virtual threads and refuse to run on an event loop; each has an {@code
 * ...Async} form that blocks nothing.
 */
public final class Call {
    private final Http http;
    private final String method;
    private final String urlText;
    private URI url;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private Req.Body body = new Req.Empty();
    private Duration timeout;

    Call(Http http, String method, String url) {
        this.http = http;
        this.method = Objects.requireNonNull(method, "method");
        this.urlText = url;
        this.url = Urls.resolve(http.config().baseUrl(), url);
        this.headers.putAll(http.config().headers());
        this.timeout = http.config().totalTimeout();
    }

    /** Sets header {@code name} (replacing the client's default of that name). */
    public Call header(String name, String value) {
        check(name);
        check(value);
        headers.put(name, value);
        return this;
    }

    private static void check(String s) {
        Objects.requireNonNull(s, "a header name or value");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0)
                throw new IllegalArgumentException("a header may not contain CR, LF or NUL: " + s.strip());
        }
    }

    /** Adds {@code name=value} to the query, both percent-encoded. */
    public Call query(String name, Object value) {
        url = Urls.addQuery(url, name, String.valueOf(value));
        return this;
    }

    /** This call's total timeout, instead of the client's. */
    public Call timeout(Duration total) {
        if (total.isNegative() || total.isZero()) throw new IllegalArgumentException("timeout must be positive");
        this.timeout = total;
        return this;
    }

    /** A body in memory, sent with {@code Content-Length}. */
    public Call body(byte[] bytes, String contentType) {
        this.body = new Req.Bytes(bytes.clone(), contentType);
        return this;
    }

    /** A text body, {@code text/plain; charset=utf-8}. */
    public Call body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /** {@code value} encoded as JSON (the client's mapper: the app's, else Jackson's default). */
    public Call json(Object value) {
        try {
            this.body = new Req.Bytes(http.mapper().writeValueAsBytes(value), "application/json");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot encode the request body as JSON: " + e.getOriginalMessage(), e);
        }
        return this;
    }

    /**
     * A body read from {@code in} while it is sent, chunked; the upload waits for the socket, so a
     * slow server holds back the reading. Such a call is not retried, and a 307/308 to it is returned.
     */
    public Call body(InputStream in, String contentType) {
        this.body = new Req.Stream(Objects.requireNonNull(in, "in"), contentType);
        return this;
    }

    /** A body from {@code publisher}, chunked; one buffer is requested at a time, as the socket takes them. */
    public Call body(Flow.Publisher<ByteBuffer> publisher, String contentType) {
        return body(new PublisherInputStream(publisher), contentType);
    }

    /** Sends and returns the response whatever its status, the body in memory (up to cfg.maxResponseSize). */
    public ClientResponse send() {
        return Tulip.await(sendAsync());
    }

    /** {@link #send} without blocking. */
    public CompletionStage<ClientResponse> sendAsync() {
        return raw(true).thenApply(r -> new ClientResponse(r, http.mapper()));
    }

    /** The 2xx response's JSON body as {@code type} (a record, a {@code JsonNode}, a {@code List}); else {@link HttpStatusException}. */
    public <T> T as(Class<T> type) {
        return Tulip.await(asAsync(type));
    }

    /** {@link #as} without blocking. */
    public <T> CompletionStage<T> asAsync(Class<T> type) {
        return sendAsync().thenApply(r -> r.orThrow().as(type));
    }

    /** The 2xx response's body as text; else {@link HttpStatusException}. */
    public String text() {
        return Tulip.await(textAsync());
    }

    /** {@link #text} without blocking. */
    public CompletionStage<String> textAsync() {
        return sendAsync().thenApply(r -> r.orThrow().text());
    }

    /** The 2xx response's body; else {@link HttpStatusException}. */
    public byte[] bytes() {
        return Tulip.await(sendAsync()).orThrow().bytes();
    }

    /**
     * Sends and returns the response once its head arrived, whatever its status; its body is read as
     * it arrives, with back-pressure. Close it (try-with-resources).
     */
    public StreamedResponse stream() {
        return Tulip.await(streamAsync());
    }

    /** {@link #stream} without blocking; reading the body blocks, so read it on a virtual thread. */
    public CompletionStage<StreamedResponse> streamAsync() {
        return raw(false).thenApply(StreamedResponse::new);
    }

    private CompletionStage<RawResponse> raw(boolean buffered) {
        List<Map.Entry<String, String>> list = new ArrayList<>(headers.size());
        for (Map.Entry<String, String> h : headers.entrySet()) list.add(Map.entry(h.getKey(), h.getValue()));
        Req req = new Req(method, url, List.copyOf(list), body, timeout);
        return http.calls(method, urlText).send(req, buffered);
    }
}
