package dev.tulip.web;

import dev.tulip.web.SseClosedException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open server-sent event stream, given to the handler of {@link Sse#stream}. Each
 * {@link #send} writes one event and flushes it; it blocks while the client's socket is full (the
 * back-pressure), and throws {@link SseClosedException} once the stream is closed: the client went
 * away, a hub dropped it, or the app is stopping. Letting that exception out of the handler ends
 * the response normally. Sends from several threads are safe; heartbeats go out between them.
 */
public final class EventStream {
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final Optional<String> lastEventId;
    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private final AtomicBoolean heartbeatRunning = new AtomicBoolean();
    private volatile Reason closed;
    private volatile long lastWriteNanos = System.nanoTime();

    EventStream(OutputStream out, Optional<String> lastEventId) {
        this.out = out;
        this.lastEventId = lastEventId;
    }

    /** The {@code Last-Event-ID} the client sent: the id of the last event it saw before reconnecting. */
    public Optional<String> lastEventId() {
        return lastEventId;
    }

    /** Sends {@code event}; throws {@link SseClosedException} if the stream is closed. */
    public void send(SseEvent event) {
        write(event.bytes());
    }

    /** Sends an event of {@code data} alone. */
    public void send(String data) {
        send(Sse.event(data));
    }

    /** Sends a comment, which browsers ignore (a heartbeat is one). */
    public void comment(String text) {
        write(SseEvent.comment(text));
    }

    /** Whether sends still go out. */
    public boolean isOpen() {
        return closed == null;
    }

    /** Why the stream closed, if it did. */
    public Optional<Reason> closedBecause() {
        return Optional.ofNullable(closed);
    }

    /** Blocks until the stream closes (the client leaves, the app stops, {@link #close}). */
    public void awaitClosed() throws InterruptedException {
        closedLatch.await();
    }

    /**
     * Waits up to {@code timeout} for the stream to close; true if it did. Use it instead of
     * {@code Thread.sleep} between sends, so the handler ends at once when the app stops.
     */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closedLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Ends the stream: later sends throw, and the handler should return. */
    public void close() {
        close(Reason.CLOSED);
    }

    void close(Reason reason) {
        if (closed != null) return;
        closed = reason;
        closedLatch.countDown();
        for (Runnable r : onClose) r.run();
    }

    /** Runs {@code r} when the stream closes (at once if it is closed). */
    void onClose(Runnable r) {
        onClose.add(r);
        if (closed != null) r.run();
    }

    /** Writes raw {@code bytes} and flushes them as one chunk. */
    void write(byte[] bytes) {
        write(List.of(bytes));
    }

    /** Writes each of {@code events} and flushes once: a subscriber that fell behind catches up in few writes. */
    void write(List<byte[]> events) {
        lock.lock();
        try {
            Reason r = closed;
            if (r != null) throw new SseClosedException(r);
            for (byte[] b : events) out.write(b);
            out.flush();
            lastWriteNanos = System.nanoTime();
        } catch (IOException e) {
            close(Reason.CLIENT_GONE);
            throw new SseClosedException(Reason.CLIENT_GONE);
        } finally {
            lock.unlock();
        }
    }

    /** Sends a heartbeat comment if nothing was written for {@code idleNanos}, on a virtual thread of its own. */
    void heartbeatIfIdle(long idleNanos) {
        if (closed != null || System.nanoTime() - lastWriteNanos < idleNanos) return;
        if (!heartbeatRunning.compareAndSet(false, true)) return; // the last one still waits on a full socket
        Thread.ofVirtual().name("tulip-sse-heartbeat").start(() -> {
            try {
                if (lock.tryLock()) { // a send in progress is as good as a heartbeat
                    try {
                        if (closed == null) {
                            out.write(HEARTBEAT);
                            out.flush();
                            lastWriteNanos = System.nanoTime();
                        }
                    } finally {
                        lock.unlock();
                    }
                }
            } catch (IOException e) {
                close(Reason.CLIENT_GONE);
            } finally {
                heartbeatRunning.set(false);
            }
        });
    }

    /** Called once the handler returned: nothing more may be written. */
    void finish() {
        lock.lock();
        try {
            close(Reason.CLOSED);
        } finally {
            lock.unlock();
        }
    }
}
