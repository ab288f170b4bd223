package dev.tulip.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A websocket's event-loop side, after Tulip's own handler in the pipeline: reads frames into the
 * session's inbox (and stops reading while it is full), answers pings (one pong at a time, so a
 * client that pings without reading cannot pile them up), pings a quiet client, closes an idle
 * one, and runs the close handshake. Confined to its loop.
 */
final class FrameHandler extends ChannelInboundHandlerAdapter implements FrameReader.Sink {
    private static final byte[] PING = "tulip".getBytes(StandardCharsets.US_ASCII);

    private final Session session;
    private final Settings settings;
    private final FrameReader reader;
    private ChannelHandlerContext ctx;
    private ByteBuf input; // bytes not yet read into frames
    private boolean paused;
    private boolean closeSent;
    private boolean done; // a close was received or the protocol broken: nothing more is read
    private boolean pongPending;
    private long lastReadNanos = System.nanoTime();
    private long lastPingNanos;
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> closeTimer;

    FrameHandler(Session session, Settings settings) {
        this.session = session;
        this.settings = settings;
        this.reader = new FrameReader(settings.maxFrameSize(), settings.maxMessageSize());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        long idle = settings.idleTimeout().toNanos();
        long ping = settings.pingInterval().isZero()
                ? idle
                : settings.pingInterval().toNanos();
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(idle, ping) / 2);
        ticker = ctx.executor().scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
    }

    /** The bytes read with the upgrade request; {@code buffered} is released here. */
    void feed(ByteBuf buffered) {
        if (buffered.isReadable()) {
            append(buffered);
            read();
        } else {
            buffered.release();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf b) || done) {
            ReferenceCountUtil.release(msg);
            return;
        }
        lastReadNanos = System.nanoTime();
        append(b);
        if (paused) ctx.channel().config().setAutoRead(false); // Tulip turns it on after the takeover
        else read();
    }

    private void append(ByteBuf b) {
        if (input == null) {
            input = b;
            return;
        }
        ByteBuf merged = ctx.alloc().heapBuffer(input.readableBytes() + b.readableBytes());
        merged.writeBytes(input).writeBytes(b);
        input.release();
        b.release();
        input = merged;
    }

    private void read() {
        try {
            while (input != null && input.isReadable() && !paused && !done && reader.read(input, this)) {
                // one message per turn, so a full inbox stops the reading between messages
            }
        } catch (FrameReader.ProtocolException e) {
            fail(e.code, e.getMessage());
        }
        if (input != null && (done || !input.isReadable())) {
            input.release();
            input = null;
        }
    }

    /** The handler took messages from a full inbox: read again. */
    void resume() {
        if (!paused) return;
        paused = false;
        ctx.channel().config().setAutoRead(true);
        read();
    }

    @Override
    public void message(Message message) {
        if (session.deliver(message)) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void ping(byte[] payload) {
        if (closeSent || pongPending) return; // RFC 6455 5.5.3: answering the latest ping is enough
        pongPending = true;
        ctx.channel().writeAndFlush(Frames.frame(Frames.PONG, payload)).addListener(f -> pongPending = false);
    }

    @Override
    public void pong() {}

    @Override
    public void close(int code, String reason) {
        done = true;
        session.ended(code, reason);
        if (closeSent) {
            ctx.close(); // the client answered our close
            return;
        }
        closeSent = true; // echo its code, then close: the server closes the TCP connection first
        ctx.channel().writeAndFlush(Frames.close(code, "")).addListener(ChannelFutureListener.CLOSE);
    }

    /** The session closes (on the handler's thread, a drain, an idle client): send the close frame. */
    void sendClose(int code, String reason) {
        if (closeSent || !ctx.channel().isActive()) return;
        closeSent = true;
        ctx.channel().writeAndFlush(Frames.close(code, reason));
        closeTimer = ctx.executor()
                .schedule(() -> ctx.close(), settings.closeTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void fail(int code, String reason) {
        done = true;
        session.ended(code, reason);
        Session.LOG.debug("websocket {} broke the protocol: {} {}", session, code, reason);
        if (closeSent) {
            ctx.close();
            return;
        }
        closeSent = true;
        ctx.channel().writeAndFlush(Frames.close(code, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    private void tick() {
        long now = System.nanoTime();
        long quiet = now - lastReadNanos;
        if (quiet >= settings.idleTimeout().toNanos()) {
            session.close(1001, "idle timeout"); // closeTimeout later the connection is cut
            return;
        }
        long interval = settings.pingInterval().toNanos();
        if (interval > 0 && !closeSent && quiet >= interval && now - lastPingNanos >= interval) {
            lastPingNanos = now;
            ctx.channel().writeAndFlush(Frames.frame(Frames.PING, PING.clone()));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ticker.cancel(false);
        if (closeTimer != null) closeTimer.cancel(false);
        if (input != null) {
            input.release();
            input = null;
        }
        session.ended(1006, "the connection was lost without a close frame");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Session.LOG.debug("websocket {} failed", session, cause);
        ctx.close();
    }
}
