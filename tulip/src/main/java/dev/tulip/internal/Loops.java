package dev.tulip.internal;

import dev.tulip.Config;
import dev.tulip.ConfigException;
import dev.tulip.spi.EventLoops;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Tulip's own event loops: picks the transport, creates the threads, shuts them down. Whether an
 * app runs on these or on loops an integration supplies is decided in {@code Tulip.start}; either
 * way everything else gets them as {@link EventLoops}.
 */
public final class Loops {
    private Loops() {}

    /**
     * Whether the calling thread is an event loop (Tulip's, or any other Netty-based runtime's),
     * where blocking would stall every connection of that loop.
     */
    public static boolean onEventLoop() {
        // Netty's loop threads are FastThreadLocalThreads; checking that first keeps the lookup off
        // virtual threads, where it would create a thread-local map for every request.
        return Thread.currentThread() instanceof FastThreadLocalThread
                && ThreadExecutorMap.currentExecutor() instanceof EventLoop;
    }

    /** Creates {@code config.eventLoops()} event loops on the configured transport. */
    public static EventLoops create(Config config) {
        Config.Transport t = resolve(config.transport());
        IoHandlerFactory factory = switch (t) {
            case EPOLL -> EpollIoHandler.newFactory();
            case IO_URING -> IoUringIoHandler.newFactory();
            default -> NioIoHandler.newFactory();
        };
        var group = new MultiThreadIoEventLoopGroup(
                config.eventLoops(), new DefaultThreadFactory("tulip-loop", false), factory);
        String name = t.name().toLowerCase(Locale.ROOT);
        return switch (t) {
            case EPOLL -> new EventLoops(group, EpollServerSocketChannel.class, EpollSocketChannel.class, name);
            case IO_URING -> new EventLoops(group, IoUringServerSocketChannel.class, IoUringSocketChannel.class, name);
            default -> new EventLoops(group, NioServerSocketChannel.class, NioSocketChannel.class, name);
        };
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
                    throw new ConfigException("transport epoll is not available here: " + Epoll.unavailabilityCause()
                            + " (use transport auto or nio)");
                }
                yield requested;
            }
            case IO_URING -> {
                if (!IoUring.isAvailable()) {
                    throw new ConfigException("transport io_uring is not available here: "
                            + IoUring.unavailabilityCause() + " (use transport auto or nio)");
                }
                yield requested;
            }
            case NIO -> requested;
        };
    }

    /** Stops loops that {@link #create} made, waiting up to {@code timeoutMillis} for their threads to end. */
    public static void shutdown(EventLoops loops, long timeoutMillis) {
        loops.group()
                .shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(timeoutMillis + 1000);
    }
}
