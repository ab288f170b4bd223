package dev.tulip.internal.http;

import dev.tulip.Config;
import dev.tulip.internal.Dispatcher;
import dev.tulip.internal.Loops;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.1 server of one app: binds, tracks connections per event loop, applies timeouts
 * with one sweep task per loop (no timer per request), limits concurrency, and drains on stop.
 */
public final class HttpServer {
    private final Config config;
    private final Loops loops;
    private final Dispatcher dispatcher;
    private final ResponseEncoder encoder;
    private final DateHeader date = new DateHeader();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final Map<EventLoop, Set<Connection>> connections = new IdentityHashMap<>();
    private final Map<EventLoop, LoopBatch> batches = new IdentityHashMap<>();
    private final Object drainLock = new Object();
    private final java.util.concurrent.ThreadFactory handlerThreads =
            Thread.ofVirtual().name("tulip-handler").factory();
    private volatile boolean draining;
    private Channel serverChannel;

    public HttpServer(Config config, Loops loops, Dispatcher dispatcher) {
        this.config = config;
        this.loops = loops;
        this.dispatcher = dispatcher;
        this.encoder = new ResponseEncoder(config.serverHeader(), date);
        for (EventLoop loop : loops.loops()) {
            connections.put(loop, new HashSet<>());
            batches.put(loop, new LoopBatch(loop, handlerThreads));
        }
    }

    /** Binds and returns the port; fails with a message naming the address when that is impossible. */
    public int bind() {
        ServerBootstrap b = new ServerBootstrap()
                .group(loops.group())
                .channel(loops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast("tulip", new Connection(HttpServer.this, dispatcher));
                    }
                });
        ChannelFuture f = b.bind(config.host(), config.port()).awaitUninterruptibly();
        if (!f.isSuccess()) {
            Throwable c = f.cause();
            throw new IllegalStateException(
                    "cannot listen on " + config.host() + ":" + config.port() + ": "
                            + (c == null ? "unknown error" : c.getMessage())
                            + " (is another server on that port? set --port or TULIP_PORT)",
                    c);
        }
        serverChannel = f.channel();
        long sweep = sweepInterval().toNanos();
        for (EventLoop loop : loops.loops()) {
            loop.scheduleAtFixedRate(() -> sweep(loop), sweep, sweep, TimeUnit.NANOSECONDS);
        }
        loops.loops()
                .getFirst()
                .scheduleAtFixedRate(
                        date::refresh, 1000 - System.currentTimeMillis() % 1000, 1000, TimeUnit.MILLISECONDS);
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** A tenth of the shortest timeout, between 10 ms and 1 s. */
    private Duration sweepInterval() {
        Duration min = config.headTimeout();
        if (config.idleTimeout().compareTo(min) < 0) min = config.idleTimeout();
        if (config.handlerTimeout().compareTo(min) < 0) min = config.handlerTimeout();
        long ms = Math.clamp(min.toMillis() / 10, 10, 1000);
        return Duration.ofMillis(ms);
    }

    private void sweep(EventLoop loop) {
        long now = System.nanoTime();
        Set<Connection> set = connections.get(loop);
        if (set.isEmpty()) return;
        for (Connection c : set.toArray(new Connection[0])) {
            try {
                c.sweep(now);
            } catch (RuntimeException e) { // a throwing task would silently end the loop's fixed-rate sweep
                org.slf4j.LoggerFactory.getLogger("dev.tulip").error("timeout sweep failed for a connection", e);
            }
        }
    }

    /** Virtual threads for handlers and streamed bodies. */
    java.util.concurrent.ThreadFactory handlerThreads() {
        return handlerThreads;
    }

    LoopBatch batch(EventLoop loop) {
        return batches.get(loop);
    }

    Config config() {
        return config;
    }

    ResponseEncoder encoder() {
        return encoder;
    }

    boolean draining() {
        return draining;
    }

    /** Takes a slot of the concurrency limit; false (shed the request) when none is free. */
    boolean admit() {
        if (inFlight.incrementAndGet() > config.maxConcurrentRequests()) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    void release() {
        if (inFlight.decrementAndGet() == 0 && draining) wakeDrain();
    }

    private void wakeDrain() {
        synchronized (drainLock) {
            drainLock.notifyAll();
        }
    }

    void opened(Connection c, EventLoop loop) {
        open.incrementAndGet();
        connections.get(loop).add(c);
    }

    void closed(Connection c, EventLoop loop) {
        connections.get(loop).remove(c);
        if (open.decrementAndGet() == 0 && draining) wakeDrain();
    }

    /**
     * Stops accepting, closes idle connections, lets busy ones finish (their last response says
     * {@code Connection: close}) and waits for handlers still running for clients that left;
     * after {@code timeout} cuts what is left.
     *
     * @return the number of requests that were cut
     */
    public int drain(Duration timeout) {
        draining = true;
        serverChannel.close().awaitUninterruptibly();
        onEveryLoop(Connection::drain);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (drainLock) {
            while (open.get() > 0 || inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                try {
                    TimeUnit.NANOSECONDS.timedWait(drainLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (open.get() == 0 && inFlight.get() == 0) return 0;
        // every admitted request not yet answered (even if its client left), plus streams still being sent
        AtomicInteger cut = new AtomicInteger(inFlight.get());
        onEveryLoop(c -> cut.addAndGet(c.cut()));
        return cut.get();
    }

    /** Runs {@code action} on every connection, each on its own loop, and waits for all. */
    private void onEveryLoop(java.util.function.Consumer<Connection> action) {
        List<EventLoop> all = new ArrayList<>(connections.keySet());
        CountDownLatch done = new CountDownLatch(all.size());
        for (EventLoop loop : all) {
            loop.execute(() -> {
                try {
                    for (Connection c : connections.get(loop).toArray(new Connection[0])) action.accept(c);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
