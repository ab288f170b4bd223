package dev.tulip.client.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/** The last handler of a client connection: passes what arrives to the connection's current exchange. */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
    private Exchange current;

    /** Called on the loop when an exchange starts on this connection, and with {@code null} when it ends. */
    void current(Exchange e) {
        current = e;
    }

    Exchange current() {
        return current;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange e = current;
        if (e != null && msg instanceof HttpObject o) {
            e.read(o);
        } else {
            ReferenceCountUtil.release(msg);
            ctx.close(); // bytes on an idle connection: nothing can be trusted on it any more
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange e = current;
        if (e != null) e.closed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange e = current;
        if (e != null) e.fail(cause);
        ctx.close();
    }
}
