package dev.tulip.spi;

import dev.tulip.Response;
import dev.tulip.Tulip;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test integration that uses every hook of the SPI and records what happens: routes and
 * middleware, a resource that dials the app's own port on the app's loops with the transport's
 * client channel, a request observer, and a protocol upgrade to a line-echo protocol.
 */
final class RecordingIntegration implements Integration {
    final String name;
    final List<String> events;
    final List<RequestEvent> requests = new CopyOnWriteArrayList<>();
    private final InstallOnce once = new InstallOnce("RecordingIntegration");
    volatile Runtime runtime;
    volatile EventLoops loopsSeenAtOpen;
    volatile boolean loopsAliveAtClose;

    RecordingIntegration(String name, List<String> events) {
        this.name = name;
        this.events = events;
    }

    @Override
    public void install(Setup setup) {
        once.claim(setup);
        runtime = setup.runtime();
        Tulip app = setup.app();
        app.use((req, next) -> {
            Object r = next.handle(req);
            return r instanceof Response resp ? resp.header("X-" + name, "seen") : r;
        });
        app.get("/" + name + "/hello/{who}", req -> Response.text("hello " + req.pathParam("who")));
        app.get("/" + name + "/echo", req -> Response.upgrade("line-echo", this::echo));
        setup.observe(requests::add);
        setup.resource(
                name,
                ctx -> {
                    loopsSeenAtOpen = runtime.loops();
                    events.add(name + " open (port " + ctx.port() + ")");
                    return name;
                },
                v -> {
                    loopsAliveAtClose = !runtime.loops().group().isShuttingDown();
                    events.add(name + " close");
                });
    }

    /** Dials {@code port} from the app's own loops with the transport's client channel class. */
    Channel dial(int port) throws InterruptedException {
        EventLoops loops = runtime.loops();
        return new Bootstrap()
                .group(loops.group())
                .channel(loops.socketChannel())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {}
                })
                .connect("127.0.0.1", port)
                .sync()
                .channel();
    }

    /** The upgraded protocol: echoes every byte back, buffered ones first; says "bye" when the app drains. */
    private void echo(UpgradedConnection c) {
        events.add(name + " upgraded " + c.request().path());
        c.channel().pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ctx.writeAndFlush(msg);
            }
        });
        var buffered = c.takeBufferedInput();
        if (buffered.isReadable()) c.channel().writeAndFlush(buffered);
        else buffered.release();
        c.onDrain(() -> c.channel()
                .writeAndFlush(
                        io.netty.buffer.Unpooled.copiedBuffer("bye\n", java.nio.charset.StandardCharsets.US_ASCII))
                .addListener(io.netty.channel.ChannelFutureListener.CLOSE));
    }

    @Override
    public String toString() {
        return "RecordingIntegration " + name;
    }
}
