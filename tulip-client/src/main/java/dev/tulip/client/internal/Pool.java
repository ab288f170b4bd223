package dev.tulip.client.internal;

import dev.tulip.client.PoolExhaustedException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The connections to one origin: idle keep-alive ones (most recently used first, each closed after
 * the idle timeout by the transport's sweep or when next taken), at most {@code max} open, and the calls waiting for one when all are busy
 * (each failing with {@link PoolExhaustedException} after the pool timeout).
 */
final class Pool {
    private static final AttributeKey<Long> IDLE_SINCE = AttributeKey.valueOf("tulip.client.idleSince");

    /** A connection handed to one exchange; {@code reused} when it served a request before. */
    record Lease(Channel channel, boolean reused, Pool pool) {}

    private record Waiter(CompletableFuture<Lease> future, Req req, long deadline, ScheduledFuture<?> timeout) {}

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
    CompletableFuture<Lease> acquire(Req req, long deadline) {
        CompletableFuture<Lease> f = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                f.completeExceptionally(transport.closedFailure(req));
                return f;
            }
            Channel ch;
            long now = System.nanoTime();
            while ((ch = idle.pollFirst()) != null) {
                if (ch.isActive() && !expired(ch, now)) {
                    f.complete(new Lease(ch, true, this));
                    return f;
                }
                ch.close();
            }
            if (open >= transport.config().maxConnectionsPerHost()) {
                long pool = transport.config().poolTimeout().toNanos();
                long left = deadline - System.nanoTime();
                boolean total = left < pool;
                ScheduledFuture<?> timeout = transport
                        .loop()
                        .schedule(() -> expire(f, req, total), Math.min(pool, left), TimeUnit.NANOSECONDS);
                waiters.addLast(new Waiter(f, req, deadline, timeout));
                return f;
            }
            open++;
        }
        connect(f, deadline);
        return f;
    }

    private void connect(CompletableFuture<Lease> f, long deadline) {
        ChannelFuture connect = transport.connect(origin, deadline);
        connect.channel().closeFuture().addListener(x -> closed(connect.channel()));
        connect.addListener(x -> {
            if (x.isSuccess()) {
                if (!f.complete(new Lease(connect.channel(), false, this))) release(connect.channel(), true);
            } else {
                f.completeExceptionally(x.cause());
            }
        });
    }

    private void expire(CompletableFuture<Lease> f, Req req, boolean total) {
        synchronized (this) {
            waiters.removeIf(w -> w.future == f);
        }
        if (total)
            f.completeExceptionally(new dev.tulip.client.TotalTimeoutException(
                    "no connection free within the total timeout of "
                            + req.total().toMillis() + "ms",
                    req.method(),
                    req.urlText(),
                    null));
        else
            f.completeExceptionally(new PoolExhaustedException(
                    "all " + transport.config().maxConnectionsPerHost() + " connections to " + origin.host() + ":"
                            + origin.port() + " stayed busy for "
                            + transport.config().poolTimeout().toMillis()
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
                ch.attr(IDLE_SINCE).set(System.nanoTime());
                idle.addFirst(ch);
                return;
            }
        }
        w.timeout.cancel(false);
        if (!w.future.complete(new Lease(ch, true, this))) release(ch, true);
    }

    private boolean expired(Channel ch, long now) {
        Long since = ch.attr(IDLE_SINCE).get();
        return since != null && now - since >= transport.config().idleTimeout().toNanos();
    }

    /** Closes the connections idle for longer than the idle timeout (the transport's sweep calls it). */
    void sweep() {
        List<Channel> old = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            // the least recently used are last
            while (!idle.isEmpty() && expired(idle.peekLast(), now)) old.add(idle.pollLast());
        }
        old.forEach(Channel::close);
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
        connect(w.future, w.deadline);
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
