package dev.tulip.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A {@link BodyStream} as a {@link Flow.Publisher} of chunks for one subscriber. Every signal is
 * sent on the connection's loop, one at a time, and only as far as the subscriber asked; what it
 * has not asked for stays buffered, and the stream's high-water mark stops the socket.
 */
final class BodyPublisher implements Flow.Publisher<ByteBuffer>, Flow.Subscription {
    private final BodyStream body;
    private Flow.Subscriber<? super ByteBuffer> subscriber;
    private long demand; // touched on the loop only
    private boolean done;
    private boolean draining;

    BodyPublisher(BodyStream body) {
        this.body = body;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
        java.util.Objects.requireNonNull(s, "subscriber");
        if (subscriber != null) {
            s.onSubscribe(this);
            s.onError(new IllegalStateException("a request body can be subscribed to once"));
            return;
        }
        subscriber = s;
        s.onSubscribe(this);
        body.feed().execute(this::drain);
    }

    @Override
    public void request(long n) {
        body.feed().execute(() -> {
            if (done) return;
            if (n <= 0) {
                finish(new IllegalArgumentException("request(" + n + "): demand must be positive"));
                return;
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            body.demand();
            drain();
        });
    }

    @Override
    public void cancel() {
        body.feed().execute(() -> {
            if (done) return;
            done = true;
            body.abandon();
        });
    }

    /** Sends what is buffered and asked for, then the end or the failure; on the loop, never reentrant. */
    void drain() {
        if (subscriber == null || done || draining) return;
        draining = true;
        try {
            while (!done && demand > 0) {
                byte[] chunk = body.poll();
                if (chunk == null) break;
                demand--;
                subscriber.onNext(ByteBuffer.wrap(chunk));
            }
            if (done) return;
            Object end = body.terminal();
            if (end == Boolean.TRUE) {
                done = true;
                subscriber.onComplete();
            } else if (end instanceof IOException e) {
                finish(e);
            }
        } finally {
            draining = false;
        }
    }

    private void finish(Throwable error) {
        done = true;
        subscriber.onError(error);
    }
}
