package dev.tulip.web;

import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import dev.tulip.web.SseClosedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Server-sent events ({@code text/event-stream}): an integration whose {@link #stream} answers a
 * request with an endless stream that a handler writes events to, on its own virtual thread.
 *
 * <pre>{@code
 * Sse sse = Sse.create(cfg -> cfg.heartbeat(Duration.ofSeconds(15)));
 * app.install(sse);
 * app.get(
 *         "/clock",
 *         req -> sse.stream(req, events -> {
 *             long n = events.lastEventId().map(Long::parseLong).orElse(0L);
 *             while (!events.awaitClosed(Duration.ofSeconds(1))) {
 *                 n++;
 *                 events.send(Sse.event(Instant.now().toString())
 *                         .id(Long.toString(n))
 *                         .event("tick"));
 *             }
 *         }));
 * }</pre>
 *
 * <p>Each event is flushed as it is sent, and a send blocks while the client's socket is full.
 * A comment goes out on a stream idle for the heartbeat interval (30 s unless configured), which
 * keeps proxies from closing it and finds clients that left: a send to a closed stream throws
 * {@link SseClosedException}, which ends the handler normally. Streams are not compressed
 * ({@code Cache-Control: no-cache, no-transform}): a compressor per open stream costs far more
 * than the events save, and proxies must not buffer them. When the app stops, every stream is
 * closed as the drain begins, so {@code stop()} does not wait for them; a stream asked for while
 * the app stops ends at once, telling the client to retry. {@link SseHub} fans events out to many
 * streams.
 */
public final class Sse implements Integration {
    /** What a stream's handler does with its {@link EventStream}. */
    @FunctionalInterface
    public interface Source {
        /** Sends events until the stream should end; returning ends it. */
        void run(EventStream events) throws Exception;
    }

    /** An {@link Sse}'s settings. */
    public static final class Options {
        private Duration heartbeat = Duration.ofSeconds(30);
        private Optional<Duration> retry = Optional.empty();

        private Options() {}

        /** How long a stream may be idle before a heartbeat comment is sent (30 s). */
        public Options heartbeat(Duration interval) {
            if (interval.isNegative() || interval.isZero())
                throw new IllegalArgumentException("heartbeat must be positive, was " + interval);
            this.heartbeat = interval;
            return this;
        }

        /** The reconnection delay sent first on every stream (none: the browser's default, about 3 s). */
        public Options retry(Duration delay) {
            this.retry = Optional.of(delay);
            return this;
        }
    }

    private final InstallOnce once = new InstallOnce("Sse");
    private final Options options;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean installed;
    private volatile boolean stopping;

    private Sse(Options options) {
        this.options = options;
    }

    /** An Sse with the default settings. */
    public static Sse create() {
        return create(o -> {});
    }

    /** An Sse, configured. */
    public static Sse create(Consumer<Options> configure) {
        Options o = new Options();
        configure.accept(o);
        return new Sse(o);
    }

    /** An event of {@code data}; add {@code id}, {@code event} and {@code retry} to it. */
    public static SseEvent event(String data) {
        return new SseEvent(data, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A hub whose subscribers may fall {@code queueSize} events behind before they are dropped. */
    public SseHub hub(int queueSize) {
        return new SseHub(queueSize);
    }

    @Override
    public void install(Setup setup) {
        once.claim(setup);
        installed = true;
        setup.app().onBeforeStop(ctx -> {
            stopping = true;
            for (EventStream s : open) s.close(Reason.STOPPING);
        });
        long idle = options.heartbeat.toNanos();
        long tick = Math.max(idle / 4, 10_000_000L);
        setup.resource(
                "sse heartbeats",
                ctx -> Thread.ofVirtual().name("tulip-sse-heartbeats").start(() -> {
                    try {
                        while (true) {
                            Thread.sleep(Duration.ofNanos(tick));
                            for (EventStream s : open) s.heartbeatIfIdle(idle);
                        }
                    } catch (InterruptedException e) {
                        // closed with the app
                    }
                }),
                Thread::interrupt);
    }

    /** How many streams are open. */
    public int openStreams() {
        return open.size();
    }

    /**
     * {@code 200 text/event-stream} whose events {@code source} sends, on the response's own
     * virtual thread, until it returns or lets an {@link SseClosedException} out.
     */
    public Response stream(Request req, Source source) {
        if (!installed) throw new IllegalStateException("install the Sse into the app first: app.install(sse)");
        Optional<String> lastId = req.header("Last-Event-ID");
        return Response.stream("text/event-stream", out -> {
                    EventStream events = new EventStream(out, lastId);
                    open.add(events);
                    try {
                        if (stopping) {
                            // the app stops: tell the client to come back later (to another instance)
                            events.write(("retry: "
                                            + options.retry
                                                    .orElse(Duration.ofSeconds(1))
                                                    .toMillis() + "\n\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                            return;
                        }
                        events.write(options.retry
                                .map(d -> ("retry: " + d.toMillis() + "\n\n").getBytes(StandardCharsets.US_ASCII))
                                .orElse(new byte[0])); // sends the head at once: the browser's EventSource opens
                        source.run(events);
                    } catch (SseClosedException e) {
                        // the client left, a hub dropped it or the app stops: a normal end
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                    } finally {
                        open.remove(events);
                        events.finish();
                    }
                })
                .header("Cache-Control", "no-cache, no-transform")
                .header("X-Accel-Buffering", "no");
    }
}
