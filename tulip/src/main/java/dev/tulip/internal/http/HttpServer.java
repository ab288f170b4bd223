package dev.tulip.internal.http;

import dev.tulip.Config;
import dev.tulip.internal.Engine;
import dev.tulip.internal.Log;
import dev.tulip.spi.EventLoops;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The HTTP/1.1 server of one app: binds, tracks connections per event loop, applies timeouts
 * with one sweep task per loop (no timer per request), limits concurrency, and drains on stop.
 * It runs on loops it is given and never shuts them down.
 */
public final class HttpServer {
    private final Config config;
    private final EventLoops loops;
    private final Engine engine;
    private final ResponseEncoder encoder;
    private final DateHeader date = new DateHeader();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final Map<EventLoop, PerLoop> perLoop = new IdentityHashMap<>();
    private final List<Future<?>> timers = new ArrayList<>();
    private final Object drainLock = new Object();
    private final ThreadFactory handlerThreads =
            Thread.ofVirtual().name("tulip-handler").factory();
    private volatile boolean draining;
    private volatile boolean lameDuck;
    /** When the last connection was accepted (System.nanoTime). */
    private volatile long lastAcceptNanos;
    /** How long no connection must have arrived before the listener closes after a lame duck. */
    private static final long QUIET_NANOS = 100_000_000L;
    /** The longest wait for that quiet. */
    private static final long MAX_QUIET_WAIT_NANOS = 2_000_000_000L;

    /** How long the accept queue must stay empty behind the SYN gate before the listener closes. */
    private static final long GATE_EMPTY_NANOS = 10_000_000L;
    /** The longest wait behind the gate. */
    private static final long GATE_MAX_NANOS = 1_000_000_000L;

    private Channel serverChannel;

    public HttpServer(Config config, EventLoops loops, Engine engine) {
        this.config = config;
        this.loops = loops;
        this.engine = engine;
        this.encoder = new ResponseEncoder(
                config.serverHeader(), date, new Compression(config.compression(), config.compressionMinSize()));
        for (EventLoop loop : loops.loops()) perLoop.put(loop, new PerLoop(loop, handlerThreads));
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
                        ch.pipeline().addLast("tulip", new Connection(HttpServer.this));
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
        for (PerLoop p : perLoop.values()) {
            timers.add(p.loop.scheduleAtFixedRate(() -> sweep(p), sweep, sweep, TimeUnit.NANOSECONDS));
        }
        timers.add(loops.loops()
                .getFirst()
                .scheduleAtFixedRate(
                        date::refresh, 1000 - System.currentTimeMillis() % 1000, 1000, TimeUnit.MILLISECONDS));
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

    private static void sweep(PerLoop p) {
        if (p.connections.isEmpty()) return;
        long now = System.nanoTime();
        for (Connection c : p.connections.toArray(new Connection[0])) {
            try {
                c.sweep(now);
            } catch (RuntimeException e) { // a throwing task would silently end the loop's fixed-rate sweep
                Log.TULIP.error("timeout sweep failed for a connection", e);
            }
        }
    }

    ThreadFactory handlerThreads() {
        return handlerThreads;
    }

    PerLoop perLoop(EventLoop loop) {
        return perLoop.get(loop);
    }

    Engine engine() {
        return engine;
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

    /** In the lame-duck phase: still accepting, every response says {@code Connection: close}. */
    boolean lameDuck() {
        return lameDuck;
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

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void wakeDrain() {
        synchronized (drainLock) {
            drainLock.notifyAll();
        }
    }

    void opened(Connection c, PerLoop p) {
        lastAcceptNanos = System.nanoTime();
        open.incrementAndGet();
        p.connections.add(c);
    }

    void closed(Connection c, PerLoop p) {
        p.connections.remove(c);
        if (open.decrementAndGet() == 0 && draining) wakeDrain();
    }

    /**
     * Stops accepting, closes idle connections, lets busy ones finish (their last response says
     * {@code Connection: close}), tells upgraded ones to close, and waits for handlers still running
     * for clients that left; after {@code timeout} cuts what is left. Stops the server's timers.
     *
     * @return the number of requests that were cut
     */
    public int drain(Duration timeout) {
        return drain(timeout, Duration.ZERO);
    }

    /**
     * {@link #drain(Duration)} after a lame-duck phase of {@code lameDuck}: connections are still
     * accepted and served, each response with {@code Connection: close}, so clients and load
     * balancers move elsewhere while nothing is refused. After it the listener closes only once no
     * connection arrived for 100 ms (up to 2 s more), so what the kernel queued is accepted rather
     * than reset.
     */
    /**
     * Closes the listener without resetting what the kernel already queued: where {@link SynGate}
     * works, new SYNs are dropped first and the queue is accepted until it stays empty for 10 ms
     * (the handshakes under way land in it within a round trip; 1 s at most). Each connection
     * accepted now serves its first request.
     */
    private void closeListener() {
        OptionalInt fd = SynGate.fd(serverChannel);
        if (fd.isPresent() && SynGate.close(fd.getAsInt())) {
            long giveUp = System.nanoTime() + GATE_MAX_NANOS;
            long emptySince = System.nanoTime();
            while (System.nanoTime() < giveUp) {
                OptionalInt queued = SynGate.queued(fd.getAsInt());
                if (queued.isEmpty()) break;
                if (queued.getAsInt() > 0) emptySince = System.nanoTime();
                else if (System.nanoTime() - emptySince >= GATE_EMPTY_NANOS) break;
                sleep(1_000_000L);
            }
        }
        serverChannel.close().awaitUninterruptibly();
    }

    public int drain(Duration timeout, Duration lameDuck) {
        if (lameDuck.isPositive()) {
            this.lameDuck = true;
            sleep(lameDuck.toNanos());
            long giveUp = System.nanoTime() + MAX_QUIET_WAIT_NANOS;
            while (System.nanoTime() - lastAcceptNanos < QUIET_NANOS && System.nanoTime() < giveUp) {
                sleep(QUIET_NANOS / 4);
            }
        }
        draining = true;
        closeListener();
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
        int cut = 0;
        if (open.get() > 0 || inFlight.get() > 0) {
            // every admitted request not yet answered (even if its client left), plus streams still being sent
            AtomicInteger n = new AtomicInteger(inFlight.get());
            onEveryLoop(c -> n.addAndGet(c.cut()));
            cut = n.get();
        }
        for (Future<?> t : timers) t.cancel(false);
        return cut;
    }

    /** Runs {@code action} on every connection, each on its own loop, and waits for all. */
    private void onEveryLoop(Consumer<Connection> action) {
        CountDownLatch done = new CountDownLatch(perLoop.size());
        for (PerLoop p : perLoop.values()) {
            p.loop.execute(() -> {
                try {
                    for (Connection c : p.connections.toArray(new Connection[0])) action.accept(c);
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
