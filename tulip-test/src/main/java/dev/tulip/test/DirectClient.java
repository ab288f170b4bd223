package dev.tulip.test;

import dev.tulip.Tulip;
import dev.tulip.spi.InProcess;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs requests through an app's router, middleware and handlers without sockets: fast unit tests.
 * The app starts in process on the first request (its loops, resources and start listeners, no
 * bind), so routes may still be added until then; {@link #close} stops it.
 *
 * <pre>{@code
 * try (var client = DirectClient.of(app)) {
 *     assertThat(client.get("/hello").status()).isEqualTo(200);
 * }
 * }</pre>
 */
public final class DirectClient implements Client, AutoCloseable {
    private final Tulip app;
    private final Duration timeout;
    private InProcess running;

    private DirectClient(Tulip app, Duration timeout) {
        this.app = app;
        this.timeout = timeout;
    }

    /** A client for {@code app}, with a 30 s timeout per request. */
    public static DirectClient of(Tulip app) {
        return new DirectClient(app, Duration.ofSeconds(30));
    }

    /** A client for {@code app} whose requests fail after {@code timeout} (the handler is interrupted). */
    public static DirectClient of(Tulip app, Duration timeout) {
        return new DirectClient(app, timeout);
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    /** Starts the app in process now, if the first request has not already. */
    public synchronized DirectClient start() {
        if (running == null) running = app.startInProcess();
        return this;
    }

    /** Stops the app, if it started. */
    @Override
    public synchronized void close() {
        if (running != null) running.close();
    }

    @Override
    public TestResponse send(String method, String path, byte[] body, Map<String, String> headers) {
        InProcess app = start().running;
        List<Map.Entry<String, String>> h = new ArrayList<>();
        h.add(Map.entry("Host", "direct"));
        h.addAll(headers.entrySet());
        // on a virtual thread of its own, as on the server, so a timeout can interrupt it
        CompletableFuture<InProcess.Result> result = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().name("tulip-direct").start(() -> {
            try {
                result.complete(app.send(method, path, h, body));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        InProcess.Result r;
        try {
            r = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            throw new UncheckedIOException(new HttpTimeoutException(method + " " + path + " took over " + timeout));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        var rh = r.response().headers();
        for (int i = 0; i < rh.size(); i++)
            out.computeIfAbsent(rh.name(i), k -> new ArrayList<>()).add(rh.value(i));
        for (var c : r.response().cookies())
            out.computeIfAbsent("Set-Cookie", k -> new ArrayList<>()).add(c.toSetCookie());
        return new TestResponse(r.response().status(), out, r.body());
    }
}
