package dev.tulip.client.internal;

import dev.tulip.client.PoolExhaustedException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The connections to one origin: idle keep-alive ones (most recently used first, each closed after
 * the idle timeout), at most {@code max} open, and the calls waiting for one when all are busy
 * (each failing with {@link PoolExhaustedException} after the pool timeout).
 */
final class Pool {
    private static final AttributeKey<ScheduledFuture<?>> IDLE_CLOSE = AttributeKey.valueOf("tulip.client.idleClose");

    /** A connection handed to one exchange; {@code reused} when it served a request before. */
    record Lease(Channel channel, boolean reused, Pool pool) {}

    private record Waiter(CompletableFuture<Lease> future, Req req, ScheduledFuture<?> timeout) {}

    private final Transport transport;
    private final Origin origin;
    private final Deque<Channel> idle = new ArrayDeque<>();
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private int open;
    private boolean closed;

    Pool(Transport transport, Origin origin) {
        this.transport = transport;
        this.origin = origin;
    }

    /** A connection for {@code req}: an idle one, a new one, or the next one freed. */
    CompletableFuture<Lease> acquire(Req req) {
        CompletableFuture<Lease> f = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                f.completeExceptionally(transport.closedFailure(req));
                return f;
            }
            Channel ch;
            while ((ch = idle.pollFirst()) != null) {
                ScheduledFuture<?> t = ch.attr(IDLE_CLOSE).getAndSet(null);
                if (t != null) t.cancel(false);
                if (ch.isActive()) {
                    f.complete(new Lease(ch, true, this));
                    return f;
                }
            }
            if (open >= transport.config().maxConnectionsPerHost()) {
                long ms = transport.config().poolTimeout().toMillis();
                ScheduledFuture<?> timeout = transport.loop().schedule(() -> expire(f, req), ms, TimeUnit.MILLISECONDS);
                waiters.addLast(new Waiter(f, req, timeout));
                return f;
            }
            open++;
        }
        connect(f);
        return f;
    }

    private void connect(CompletableFuture<Lease> f) {
        ChannelFuture connect = transport.connect(origin);
        connect.channel().closeFuture().addListener(x -> closed(connect.channel()));
        connect.addListener(x -> {
            if (x.isSuccess()) {
                if (!f.complete(new Lease(connect.channel(), false, this))) release(connect.channel(), true);
            } else {
                f.completeExceptionally(x.cause());
            }
        });
    }

    private void expire(CompletableFuture<Lease> f, Req req) {
        synchronized (this) {
            waiters.removeIf(w -> w.future == f);
        }
        f.completeExceptionally(new PoolExhaustedException(
                "all " + transport.config().maxConnectionsPerHost() + " connections to " + origin.host() + ":"
                        + origin.port() + " stayed busy for " + transport.config().poolTimeout().toMillis()
                        + "ms (raise cfg.maxConnectionsPerHost or cfg.poolTimeout)",
                req.method(),
                req.urlText(),
                null));
    }

    /** Gives {@code ch} back: to a waiting call, to the idle ones, or closed when not {@code reusable}. */
    void release(Channel ch, boolean reusable) {
        if (!reusable || !ch.isActive()) {
            ch.close();
            return;
        }
        Waiter w;
        synchronized (this) {
            if (closed) {
                ch.close();
                return;
            }
            w = waiters.pollFirst();
            if (w == null) {
                long ms = transport.config().idleTimeout().toMillis();
                ch.attr(IDLE_CLOSE).set(ch.eventLoop().schedule(() -> closeIfIdle(ch), ms, TimeUnit.MILLISECONDS));
                idle.addFirst(ch);
                return;
            }
        }
        w.timeout.cancel(false);
        if (!w.future.complete(new Lease(ch, true, this))) release(ch, true);
    }

    private void closeIfIdle(Channel ch) {
        boolean wasIdle;
        synchronized (this) {
            wasIdle = idle.remove(ch);
        }
        if (wasIdle) ch.close();
    }

    private void closed(Channel ch) {
        Waiter w;
        synchronized (this) {
            open--;
            idle.remove(ch);
            if (closed || waiters.isEmpty() || open >= transport.config().maxConnectionsPerHost()) return;
            w = waiters.pollFirst();
            open++;
        }
        w.timeout.cancel(false);
        connect(w.future);
    }

    /** Connections open or opening, idle ones included. */
    synchronized int open() {
        return open;
    }

    /** Closes the idle connections and fails the waiting calls; busy connections are closed by their exchanges. */
    void close() {
        Deque<Channel> toClose;
        Deque<Waiter> toFail;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
            toFail = new ArrayDeque<>(waiters);
            waiters.clear();
        }
        toClose.forEach(Channel::close);
        for (Waiter w : toFail) {
            w.timeout.cancel(false);
            w.future.completeExceptionally(transport.closedFailure(w.req));
        }
    }
}
