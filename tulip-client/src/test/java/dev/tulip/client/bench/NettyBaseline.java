package dev.tulip.client.bench;

import dev.tulip.spi.EventLoops;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The smallest Netty HTTP/1.1 client on an app's loops: a deque of idle keep-alive channels, one request each. */
final class NettyBaseline {
    private static final AttributeKey<CompletableFuture<byte[]>> CALL = AttributeKey.valueOf("call");
    private final Bootstrap bootstrap;
    private final ConcurrentLinkedDeque<Channel> idle = new ConcurrentLinkedDeque<>();
    private final String host;
    private final String hostHeader;

    NettyBaseline(EventLoops loops, URI base) {
        this.host = base.getHost();
        this.hostHeader = base.getHost() + ":" + base.getPort();
        this.bootstrap = new Bootstrap()
                .group(loops.group())
                .channel(loops.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .remoteAddress(base.getHost(), base.getPort())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                                        byte[] body = ByteBufUtil.getBytes(r.content());
                                        CompletableFuture<byte[]> f =
                                                ctx.channel().attr(CALL).getAndSet(null);
                                        idle.offerFirst(ctx.channel());
                                        f.complete(body);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        CompletableFuture<byte[]> f =
                                                ctx.channel().attr(CALL).getAndSet(null);
                                        if (f != null) f.completeExceptionally(cause);
                                        ctx.close();
                                    }
                                });
                    }
                });
    }

    byte[] get(String path) throws Exception {
        Channel ch = idle.pollFirst();
        while (ch != null && !ch.isActive()) ch = idle.pollFirst();
        if (ch == null) ch = bootstrap.connect().sync().channel();
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        ch.attr(CALL).set(f);
        var req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
        req.headers().set(HttpHeaderNames.HOST, hostHeader);
        ch.writeAndFlush(req);
        return f.get();
    }

    void close() {
        for (Channel c : idle) c.close();
    }
}
