package dev.tulip.client.internal;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A streamed response's body as an {@link InputStream}: chunks queued by the loop, read by the
 * caller's thread. Above {@link #HIGH} queued bytes the connection stops reading from the socket
 * (the server is held back by TCP), and reads on once the reader has brought it under {@link
 * #LOW}; so a slow reader costs at most about {@code HIGH} bytes of memory. Failures (a read or
 * total timeout, a broken connection) are thrown by {@code read} as the client's own unchecked
 * exceptions.
 */
final class BodyStream extends InputStream {
    static final int HIGH = 256 * 1024;
    static final int LOW = 64 * 1024;

    private final Exchange exchange;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int queued;
    private boolean paused;
    private boolean ended;
    private boolean closed;
    private RuntimeException failure;
    private byte[] current;
    private int pos;

    BodyStream(Exchange exchange) {
        this.exchange = exchange;
    }

    /** On the loop: a chunk arrived; returns whether the connection should pause. */
    boolean offer(byte[] chunk) {
        lock.lock();
        try {
            if (closed) return false;
            chunks.addLast(chunk);
            queued += chunk.length;
            changed.signalAll();
            if (queued >= HIGH && !paused) paused = true;
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** On the loop: the body's last byte arrived. */
    void end() {
        lock.lock();
        try {
            ended = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The body cannot complete: reads throw {@code t} (an unchecked one, as is). */
    void fail(Throwable t) {
        lock.lock();
        try {
            failure = t instanceof RuntimeException r ? r : Failures.translate(t, exchange.req());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        boolean resume = false;
        int n;
        lock.lock();
        try {
            while (current == null) {
                if (closed) throw new IllegalStateException("the response body is closed");
                current = chunks.pollFirst();
                pos = 0;
                if (current != null) break;
                if (failure != null) throw failure;
                if (ended) return -1;
                changed.awaitUninterruptibly();
            }
            n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            if (pos == current.length) {
                queued -= current.length;
                current = null;
            }
            if (paused && queued <= LOW) {
                paused = false;
                resume = true;
            }
        } finally {
            lock.unlock();
        }
        if (resume) exchange.resume();
        return n;
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return current == null ? 0 : current.length - pos;
        } finally {
            lock.unlock();
        }
    }

    /** Stops reading; before the end of the body the connection is closed rather than reused. */
    @Override
    public void close() {
        boolean early;
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            early = !ended && failure == null;
            chunks.clear();
            current = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (early) exchange.cancel();
    }
}
