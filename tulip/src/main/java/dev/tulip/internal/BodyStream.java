package dev.tulip.internal;

import dev.tulip.HttpException;
import dev.tulip.RequestBodyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request body handed to its handler while it arrives. The connection's loop offers chunks; one
 * consumer takes them, as an {@link InputStream} (blocking) or a {@link Flow.Publisher} (signals
 * on the loop). Past {@link #HIGH_WATER} buffered bytes the connection stops reading; once the
 * consumer brings it under {@link #LOW_WATER}, {@link Feed#resume} lets it read on, so a slow
 * handler holds the client back instead of filling memory.
 */
public final class BodyStream {
    /** Bytes buffered at which the connection stops reading. */
    public static final int HIGH_WATER = 256 * 1024;
    /** Bytes buffered under which a stopped connection reads again. */
    public static final int LOW_WATER = 64 * 1024;

    /** What the connection does for its stream. */
    public interface Feed {
        /** The consumer took enough that reading may go on; called from any thread. */
        void resume();

        /** The consumer asked for bytes for the first time (time for {@code 100 Continue}); any thread. */
        void firstDemand();

        /** Runs {@code task} on the connection's loop. */
        void execute(Runnable task);

        /** Whether the calling thread is the connection's loop (where blocking for the body would deadlock). */
        boolean inLoop();
    }

    private static final int NONE = 0, STREAM = 1, PUBLISHER = 2;

    private final Feed feed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int offset; // into the first chunk
    private volatile long buffered;
    private boolean ended;
    private IOException failure;
    private boolean discarding;
    private final java.util.concurrent.atomic.AtomicBoolean demanded = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean aboveHigh;
    private int mode = NONE;
    private BodyPublisher publisher;

    public BodyStream(Feed feed) {
        this.feed = feed;
    }

    /** A body already read in full, as a stream (the in-process client's, and a buffered route's). */
    public static BodyStream of(byte[] body) {
        BodyStream s = new BodyStream(Inline.FEED);
        s.offer(body);
        s.end();
        return s;
    }

    // ---- the connection's side (its loop) ------------------------------------------------------

    /** Adds a chunk; false once the buffer is full and the connection should stop reading. */
    public boolean offer(byte[] data) {
        lock.lock();
        try {
            if (discarding || ended || failure != null) return true;
            if (data.length > 0) {
                chunks.add(data);
                buffered += data.length;
                changed.signalAll();
            }
            if (buffered >= HIGH_WATER) aboveHigh = true;
        } finally {
            lock.unlock();
        }
        if (publisher != null) publisher.drain();
        return !full();
    }

    /** Whether the connection should stop reading until the consumer takes more. */
    public boolean full() {
        return buffered >= HIGH_WATER;
    }

    /** The whole body arrived. */
    public void end() {
        signal(() -> ended = true);
    }

    /** The body cannot arrive in full: the consumer's next read throws {@code failure}. */
    public void fail(IOException failure) {
        signal(() -> {
            if (!ended && this.failure == null) this.failure = failure;
        });
    }

    /** The response went out before the body was read: what remains is dropped, and reads fail. */
    public void abandon() {
        signal(() -> {
            discarding = true;
            chunks.clear();
            buffered = 0;
        });
    }

    /** Whether every byte of the body arrived (or it failed, or was abandoned): nothing more to read from the socket for it. */
    public boolean finished() {
        lock.lock();
        try {
            return ended || failure != null || discarding;
        } finally {
            lock.unlock();
        }
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (publisher != null) publisher.drain();
    }

    // ---- the consumer's side --------------------------------------------------------------------

    /** The body as an {@link InputStream}; reads block until bytes arrive. */
    public InputStream inputStream() {
        claim(STREAM, "an InputStream");
        return new Input();
    }

    /** The body as chunks, with demand; signals arrive on the connection's loop. */
    public Flow.Publisher<ByteBuffer> publisher() {
        claim(PUBLISHER, "a publisher");
        return publisher = new BodyPublisher(this);
    }

    /** Reads the rest of the body into one array (blocking); on the event loop only if it all arrived. */
    public byte[] readAll() {
        if (feed.inLoop() && !finished())
            throw new IllegalStateException("a non-blocking handler cannot wait for a streamed body on the event loop;"
                    + " read it with bodyPublisher(), or make the route blocking");
        claim(STREAM, "one array");
        var out = new ByteArrayOutputStream();
        try (InputStream in = new Input()) {
            in.transferTo(out);
        } catch (RequestBodyException e) {
            throw new HttpException(e.status(), e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void claim(int wanted, String as) {
        lock.lock();
        try {
            if (mode != NONE && (mode != STREAM || wanted != STREAM))
                throw new IllegalStateException("the request body was already taken as "
                        + (mode == STREAM ? "a stream" : "a publisher") + "; it cannot also be read as " + as);
            mode = wanted;
        } finally {
            lock.unlock();
        }
    }

    /** Takes up to {@code len} bytes into {@code dst}, or -1 at the end; with {@code block}, waits for bytes first. */
    int take(byte[] dst, int off, int len, boolean block) throws IOException {
        demand(); // 100 Continue first, or the client never sends what this waits for
        boolean resume = false;
        lock.lock();
        try {
            while (block && chunks.isEmpty() && !ended && failure == null && !discarding) {
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the request body");
                }
            }
            if (discarding) throw new IOException("the response was already sent; the rest of the body is dropped");
            if (chunks.isEmpty()) {
                if (failure != null) throw failure;
                return ended ? -1 : 0;
            }
            byte[] head = chunks.peekFirst();
            int n = Math.min(len, head.length - offset);
            System.arraycopy(head, offset, dst, off, n);
            offset += n;
            if (offset == head.length) {
                chunks.pollFirst();
                offset = 0;
            }
            resume = taken(n);
            return n;
        } finally {
            lock.unlock();
            if (resume) feed.resume();
        }
    }

    /** The next whole chunk (what is left of it), null if none is buffered; for the publisher, on the loop. */
    byte[] poll() {
        boolean resume = false;
        lock.lock();
        try {
            byte[] head = chunks.pollFirst();
            if (head == null) return null;
            if (offset > 0) {
                head = java.util.Arrays.copyOfRange(head, offset, head.length);
                offset = 0;
            }
            resume = taken(head.length);
            return head;
        } finally {
            lock.unlock();
            if (resume) feed.resume();
        }
    }

    /** Counts {@code n} bytes as taken (under the lock); true when that brings a stopped connection under the low-water mark. */
    private boolean taken(int n) {
        buffered -= n;
        if (!aboveHigh || buffered >= LOW_WATER) return false;
        aboveHigh = false;
        return true;
    }

    /** Whether the end (null) or a failure follows once the buffered chunks are taken; null while more may come. */
    Object terminal() {
        lock.lock();
        try {
            if (!chunks.isEmpty()) return null;
            if (discarding) return new IOException("the response was already sent; the rest of the body is dropped");
            if (failure != null) return failure;
            return ended ? Boolean.TRUE : null;
        } finally {
            lock.unlock();
        }
    }

    /** Notes that the consumer wants bytes; the first time, tells the feed. */
    void demand() {
        if (!demanded.get() && demanded.compareAndSet(false, true)) feed.firstDemand();
    }

    Feed feed() {
        return feed;
    }

    private final class Input extends InputStream {
        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) return 0;
            return take(b, off, len, true);
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(Integer.MAX_VALUE, buffered);
        }
    }

    /** The feed of a body that is already complete: nothing to resume, tasks run at once. */
    private enum Inline implements Feed {
        FEED;

        @Override
        public void resume() {}

        @Override
        public void firstDemand() {}

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public boolean inLoop() {
            return false;
        }
    }
}
