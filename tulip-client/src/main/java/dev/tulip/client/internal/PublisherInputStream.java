package dev.tulip.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.SynchronousQueue;

/** A {@link Flow.Publisher} of buffers read as a stream: subscribes on the first read, asks for one buffer at a time. */
public final class PublisherInputStream extends InputStream {
    private static final ByteBuffer END = ByteBuffer.allocate(0);
    private final Flow.Publisher<ByteBuffer> publisher;
    private final SynchronousQueue<Object> handoff = new SynchronousQueue<>();
    private Flow.Subscription subscription;
    private ByteBuffer current;
    private boolean ended;

    public PublisherInputStream(Flow.Publisher<ByteBuffer> publisher) {
        this.publisher = publisher;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (current == null || !current.hasRemaining()) {
            if (ended) return -1;
            if (subscription == null) subscribe();
            else subscription.request(1);
            Object next = take();
            if (next instanceof Throwable t) throw new IOException("the request body's publisher failed: " + t, t);
            if (next == END) {
                ended = true;
                return -1;
            }
            current = (ByteBuffer) next;
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    private void subscribe() throws IOException {
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                put(s);
            }

            @Override
            public void onNext(ByteBuffer item) {
                put(item);
            }

            @Override
            public void onError(Throwable t) {
                put(t);
            }

            @Override
            public void onComplete() {
                put(END);
            }
        });
        if (!(take() instanceof Flow.Subscription s)) throw new IOException("the publisher did not subscribe first");
        subscription = s;
        s.request(1);
    }

    private void put(Object o) {
        try {
            handoff.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Object take() throws IOException {
        try {
            return handoff.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the request body's publisher", e);
        }
    }

    @Override
    public void close() {
        if (subscription != null && !ended) subscription.cancel();
        ended = true;
    }
}
