package dev.tulip.mongo.internal;

import dev.tulip.mongo.Cursor;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A publisher read by a blocking thread (a handler's virtual thread): at most {@code batch} items
 * are requested ahead, the next batch once these are taken, so a slow reader slows the driver
 * down rather than filling memory. Closing (or an interrupt while waiting) cancels the cursor.
 */
public final class BlockingCursor<T> implements Cursor<T>, Subscriber<T> {
    private static final Object END = new Object();

    private final int batch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private Subscription subscription;
    private Throwable failure;
    private boolean ended;
    private boolean closed;
    private int takenSinceRequest;

    public BlockingCursor(Publisher<T> publisher, int batch) {
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        this.batch = batch;
        publisher.subscribe(this);
    }

    @Override
    public void onSubscribe(Subscription s) {
        lock.lock();
        try {
            subscription = s;
            if (closed) {
                s.cancel();
                return;
            }
        } finally {
            lock.unlock();
        }
        s.request(batch);
    }

    @Override
    public void onNext(T item) {
        push(item);
    }

    @Override
    public void onError(Throwable t) {
        lock.lock();
        try {
            failure = Failures.translate(t);
        } finally {
            lock.unlock();
        }
        push(END);
    }

    @Override
    public void onComplete() {
        push(END);
    }

    private void push(Object o) {
        lock.lock();
        try {
            items.add(o);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean hasNext() {
        lock.lock();
        try {
            while (items.isEmpty() && !ended && !closed) {
                try {
                    arrived.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closeLocked();
                    throw new IllegalStateException("interrupted while waiting for MongoDB; the cursor is closed", e);
                }
            }
            if (closed) return false;
            if (!items.isEmpty() && items.peek() == END) {
                items.poll();
                ended = true;
            }
            if (ended) {
                if (failure instanceof RuntimeException r) throw r;
                if (failure != null) throw new IllegalStateException(failure);
                return false;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) throw new NoSuchElementException("the cursor has no more documents");
        Subscription toRequest = null;
        T item;
        lock.lock();
        try {
            item = (T) items.poll();
            if (++takenSinceRequest == batch) {
                takenSinceRequest = 0;
                toRequest = subscription;
            }
        } finally {
            lock.unlock();
        }
        if (toRequest != null) toRequest.request(batch);
        return item;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
    }

    private void closeLocked() {
        if (closed) return;
        closed = true;
        items.clear();
        arrived.signalAll();
        if (subscription != null && !ended) subscription.cancel();
    }
}
