package dev.tulip.client.internal;

import dev.tulip.client.ClientClosedException;
import dev.tulip.client.HttpConfig;
import dev.tulip.spi.EventLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The connections of one client: a pool per origin, on an app's event loops (or on one loop of its
 * own, when the client runs outside an app), and the exchanges in flight, so closing can end them.
 */
public final class Transport {
    private final HttpConfig config;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final Bootstrap bootstrap;
    private final Map<Origin, Pool> pools = new ConcurrentHashMap<>();
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> sweep;
    private volatile SslContext ssl;
    private volatile boolean closed;

    private Transport(HttpConfig config, EventLoopGroup group, Class<? extends SocketChannel> channel, boolean owns) {
        this.config = config;
        this.group = group;
        this.ownsGroup = owns;
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(channel)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
        long every = Math.max(10, Math.min(1000, config.idleTimeout().toMillis() / 2));
        this.sweep = group.next()
                .scheduleWithFixedDelay(() -> pools.values().forEach(Pool::sweep), every, every, TimeUnit.MILLISECONDS);
    }

    /** A transport on an app's loops, which the app shuts down. */
    public static Transport on(HttpConfig config, EventLoops loops) {
        return new Transport(config, loops.group(), loops.socketChannel(), false);
    }

    /** A transport with one NIO loop of its own, shut down by {@link #close}. */
    public static Transport standalone(HttpConfig config) {
        return new Transport(
                config, new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()), NioSocketChannel.class, true);
    }

    HttpConfig config() {
        return config;
    }

    /** A loop for timers. */
    EventLoop loop() {
        return group.next();
    }

    boolean isClosed() {
        return closed;
    }

    Pool pool(Req req) {
        return pools.computeIfAbsent(Origin.of(req.url()), o -> new Pool(this, o));
    }

    ClientClosedException closedFailure(Req req) {
        return new ClientClosedException(
                "the HTTP client is closed (its app stopped, or close() was called)",
                req.method(),
                req.urlText(),
                null);
    }

    /** Opens a connection within the connect timeout, shortened to what remains before {@code deadline}. */
    ChannelFuture connect(Origin origin, long deadline) {
        long ms = Math.min(config.connectTimeout().toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        return bootstrap
                .clone()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, ms))
                .remoteAddress(origin.host(), origin.port())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) throws SSLException {
                        if (origin.tls()) ch.pipeline().addLast(sslHandler(ch, origin));
                        ch.pipeline().addLast(new HttpClientCodec()).addLast(new ExchangeHandler());
                    }
                })
                .connect();
    }

    private SslHandler sslHandler(Channel ch, Origin origin) throws SSLException {
        SslContext c = ssl;
        if (c == null) {
            synchronized (this) {
                if (ssl == null) ssl = SslContextBuilder.forClient().build();
                c = ssl;
            }
        }
        SslHandler h = c.newHandler(ch.alloc(), origin.host(), origin.port());
        SSLParameters p = h.engine().getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        h.engine().setSSLParameters(p);
        return h;
    }

    void started(Exchange e) {
        inFlight.add(e);
    }

    void ended(Exchange e) {
        inFlight.remove(e);
    }

    /** Connections open to {@code origin}'s host and port (for tests and metrics). */
    public int openConnections(java.net.URI origin) {
        Pool p = pools.get(Origin.of(origin));
        return p == null ? 0 : p.open();
    }

    /** Refuses new calls, fails the calls in flight, closes every connection, and shuts down an own loop. */
    public void close() {
        closed = true;
        sweep.cancel(false);
        pools.values().forEach(Pool::close);
        for (Exchange e : inFlight) e.abort(closedFailure(e.req()));
        if (ownsGroup) group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
