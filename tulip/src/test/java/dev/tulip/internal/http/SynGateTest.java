package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate on a real epoll listener: queued connections are counted and kept, new SYNs dropped. */
class SynGateTest {
    EventLoopGroup group;
    Channel listener;
    final List<Socket> clients = new ArrayList<>();

    @BeforeEach
    void bind() {
        assumeTrue(Epoll.isAvailable(), "the gate works on native (epoll) listeners");
        group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        listener = new ServerBootstrap()
                .group(group)
                .channel(EpollServerSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false) // accept nothing until the test says so
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ctx.writeAndFlush(msg); // echo
                            }
                        });
                    }
                })
                .bind("127.0.0.1", 0)
                .syncUninterruptibly()
                .channel();
    }

    @AfterEach
    void close() throws Exception {
        for (Socket s : clients) s.close();
        if (listener != null) listener.close().syncUninterruptibly();
        if (group != null)
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS)
                    .syncUninterruptibly();
    }

    private Socket connect(int timeoutMillis) throws Exception {
        Socket s = new Socket();
        clients.add(s);
        s.connect((InetSocketAddress) listener.localAddress(), timeoutMillis);
        s.setSoTimeout(5000);
        return s;
    }

    @Test
    void theAcceptQueueIsCountedAndNewConnectionsAreHeldOutWhileQueuedOnesAreServed() throws Exception {
        int fd = SynGate.fd(listener).orElseThrow();
        Socket a = connect(2000), b = connect(2000), c = connect(2000);
        a.getOutputStream().write("a".getBytes()); // sent before anyone accepted it
        assertThat(SynGate.queued(fd)).hasValue(3);

        assertThat(SynGate.close(fd)).isTrue();
        assertThatThrownBy(() -> connect(300)).isInstanceOf(SocketTimeoutException.class);

        listener.config().setAutoRead(true);
        listener.read();
        for (Socket s : List.of(a, b, c)) {
            if (s != a) s.getOutputStream().write("b".getBytes());
            InputStream in = s.getInputStream();
            assertThat(in.read()).isIn((int) 'a', (int) 'b');
        }
        assertThat(SynGate.queued(fd)).hasValue(0);
    }
}
