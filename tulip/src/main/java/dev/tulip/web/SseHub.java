package dev.tulip.web;

import dev.tulip.web.SseClosedException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans events out to many {@link EventStream}s. Each subscriber has a queue of its own, bounded
 * by {@link Sse#hub}'s size; {@link #publish} never blocks: a subscriber whose queue is full (its
 * client reads too slowly) is dropped, its stream closed with
 * {@link SseClosedException.Reason#TOO_SLOW}, and its client reconnects with
 * {@code Last-Event-ID}. Nothing is buffered without bound.
 *
 * <pre>{@code
 * SseHub contacts = sse.hub(64);
 * app.get("/events", req -> sse.stream(req, contacts::join));
 * app.post("/new", req -> {
 *     var saved = save(req.json(Contact.class));
 *     contacts.publish(Sse.event(saved.name()).event("contact").id(saved.id()));
 *     return saved;
 * });
 * }</pre>
 */
public final class SseHub {
    private static final SseEvent WAKE = Sse.event("");

    private record Subscriber(EventStream events, BlockingQueue<SseEvent> queue) {}

    private final int queueSize;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();

    SseHub(int queueSize) {
        if (queueSize < 1)
            throw new IllegalArgumentException("a hub's queue size must be at least 1, was " + queueSize);
        this.queueSize = queueSize;
    }

    /**
     * Sends every event published from now on to {@code events}, until its stream closes (the
     * client leaves, it is dropped as too slow, the app stops); run it as a stream's source.
     */
    public void join(EventStream events) throws InterruptedException {
        Subscriber s = new Subscriber(events, new ArrayBlockingQueue<>(queueSize + 1)); // +1: room to wake it
        subscribers.add(s);
        events.onClose(() -> s.queue.offer(WAKE));
        List<SseEvent> taken = new ArrayList<>(queueSize);
        List<byte[]> batch = new ArrayList<>(queueSize);
        try {
            while (events.isOpen()) {
                taken.add(s.queue.take());
                s.queue.drainTo(taken); // all that waits goes out in one flush
                for (SseEvent e : taken) if (e != WAKE) batch.add(e.bytes());
                taken.clear();
                if (!batch.isEmpty() && events.isOpen()) events.write(batch);
                batch.clear();
            }
        } finally {
            subscribers.remove(s);
        }
    }

    /** Queues {@code event} for every subscriber; returns how many took it (the others were dropped). */
    public int publish(SseEvent event) {
        event.bytes(); // encoded once, here, not by each subscriber
        int n = 0;
        for (Subscriber s : subscribers) {
            if (s.queue.remainingCapacity() > 1 && s.queue.offer(event)) {
                n++;
            } else if (subscribers.remove(s)) {
                dropped.incrementAndGet();
                s.queue.clear();
                s.events.close(Reason.TOO_SLOW);
            }
        }
        return n;
    }

    /** How many streams are subscribed. */
    public int subscribers() {
        return subscribers.size();
    }

    /** How many subscribers were dropped as too slow so far. */
    public long dropped() {
        return dropped.get();
    }
}
