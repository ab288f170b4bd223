package dev.tulip.internal;

import dev.tulip.Config;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one owner of an app's event loops: picks the transport, creates the threads, shuts them
 * down. Everything that needs a Netty event loop (the HTTP server today; database clients that
 * accept a Netty group later) gets it from here, so whether they share loops is decided in one
 * place.
 */
public final class Loops {
    private static final AtomicInteger APP_IDS = new AtomicInteger();

    private final EventLoopGroup group;
    private final Class<? extends ServerChannel> serverChannel;
    private final String transport;

    private Loops(EventLoopGroup group, Class<? extends ServerChannel> serverChannel, String transport) {
        this.group = group;
        this.serverChannel = serverChannel;
        this.transport = transport;
    }

    /** Event-loop threads; {@link dev.tulip.Tulip#await} refuses to block on them. */
    static final class LoopThread extends FastThreadLocalThread {
        private tools.jackson.core.util.BufferRecycler jsonBuffers;

        LoopThread(ThreadGroup group, Runnable r, String name) {
            super(group, r, name);
        }

        /** This loop's Jackson buffers (see {@link JsonBufferPool}); only this thread touches them. */
        tools.jackson.core.util.BufferRecycler jsonBuffers() {
            tools.jackson.core.util.BufferRecycler b = jsonBuffers;
            if (b == null) jsonBuffers = b = new tools.jackson.core.util.BufferRecycler();
            return b;
        }
    }

    /** Whether the calling thread is one of Tulip's event loops (where blocking is forbidden). */
    public static boolean onEventLoop() {
        return Thread.currentThread() instanceof LoopThread;
    }

    /** Creates {@code config.eventLoops()} event loops on the configured transport. */
    public static Loops create(Config config) {
        Config.Transport t = resolve(config.transport());
        IoHandlerFactory factory;
        Class<? extends ServerChannel> channel;
        switch (t) {
            case EPOLL -> {
                factory = EpollIoHandler.newFactory();
                channel = EpollServerSocketChannel.class;
            }
            case IO_URING -> {
                factory = IoUringIoHandler.newFactory();
                channel = IoUringServerSocketChannel.class;
            }
            default -> {
                factory = NioIoHandler.newFactory();
                channel = NioServerSocketChannel.class;
            }
        }
        String prefix = "tulip-loop-" + APP_IDS.incrementAndGet();
        ThreadFactory threads = new DefaultThreadFactory(prefix, false) {
            @Override
            protected Thread newThread(Runnable r, String name) {
                return new LoopThread(threadGroup, r, name);
            }
        };
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.eventLoops(), threads, factory);
        return new Loops(group, channel, t.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The transport {@code requested} resolves to on this machine; a native one that is missing is an error. */
    public static Config.Transport resolve(Config.Transport requested) {
        return switch (requested) {
            case AUTO ->
                Epoll.isAvailable()
                        ? Config.Transport.EPOLL
                        : IoUring.isAvailable() ? Config.Transport.IO_URING : Config.Transport.NIO;
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw new dev.tulip.ConfigException("transport epoll is not available here: "
                            + Epoll.unavailabilityCause() + " (use transport auto or nio)");
                }
                yield requested;
            }
            case IO_URING -> {
                if (!IoUring.isAvailable()) {
                    throw new dev.tulip.ConfigException("transport io_uring is not available here: "
                            + IoUring.unavailabilityCause() + " (use transport auto or nio)");
                }
                yield requested;
            }
            case NIO -> requested;
        };
    }

    /** The Netty group: internal modules only. */
    public EventLoopGroup group() {
        return group;
    }

    /** The loops of the group, in order. */
    public List<EventLoop> loops() {
        List<EventLoop> out = new ArrayList<>();
        group.forEach(e -> out.add((EventLoop) e));
        return out;
    }

    /** The server channel class matching the transport. */
    public Class<? extends ServerChannel> serverChannel() {
        return serverChannel;
    }

    /** {@code epoll}, {@code io_uring} or {@code nio}. */
    public String transport() {
        return transport;
    }

    /** Stops the loops, waiting up to {@code timeoutMillis} for their threads to end. */
    public void shutdown(long timeoutMillis) {
        group.shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS).awaitUninterruptibly(timeoutMillis + 1000);
    }
}
