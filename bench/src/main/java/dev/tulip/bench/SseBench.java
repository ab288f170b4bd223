package dev.tulip.bench;

import dev.tulip.Tulip;
import dev.tulip.web.Sse;
import dev.tulip.web.SseHub;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The server of {@code bench/sse.sh}: {@code GET /events} joins one {@link SseHub}, {@code
 * POST /rate/{n}} makes a publisher thread publish {@code n} events a second (in 100 ticks a
 * second; 0 stops it), {@code GET /stats} reports subscribers, published and dropped counts.
 * {@code PORT} (8090) and {@code QUEUE} (the hub's queue per subscriber, 256) from the environment.
 */
public final class SseBench {
    private SseBench() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8090"));
        int queue = Integer.parseInt(System.getenv().getOrDefault("QUEUE", "256"));
        Tulip app = Tulip.create(cfg -> cfg.host("127.0.0.1").port(port).maxConcurrentRequests(100_000));
        Sse sse = Sse.create(cfg -> cfg.heartbeat(Duration.ofSeconds(30)));
        app.install(sse);
        SseHub hub = sse.hub(queue);
        AtomicLong rate = new AtomicLong();
        AtomicLong published = new AtomicLong();
        app.get("/events", req -> sse.stream(req, hub::join));
        app.post("/rate/{n:long}", req -> {
            rate.set(req.pathLong("n"));
            return Map.of("rate", rate.get());
        });
        app.get(
                "/stats",
                req -> Map.of(
                        "subscribers", hub.subscribers(), "published", published.get(), "dropped", hub.dropped()));
        Thread.ofVirtual().name("publisher").start(() -> {
            String payload = "{\"name\":\"contact\",\"note\":\"" + "x".repeat(40) + "\"}";
            long next = System.nanoTime();
            double owed = 0;
            while (true) {
                next += 10_000_000L; // a tick every 10 ms
                LockSupport.parkNanos(next - System.nanoTime());
                owed += rate.get() / 100.0;
                for (; owed >= 1; owed--) {
                    long id = published.incrementAndGet();
                    hub.publish(Sse.event(payload).event("contact").id(Long.toString(id)));
                }
                if (rate.get() == 0) owed = 0;
            }
        });
        app.run(args);
    }
}
