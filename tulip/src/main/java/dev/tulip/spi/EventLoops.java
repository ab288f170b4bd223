package dev.tulip.spi;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * An app's event loops: the Netty group and the channel classes of its transport, so a client
 * can put its connections on the same threads (an epoll group needs epoll channels).
 *
 * @param group the loops; whoever created them shuts them down, nobody else
 * @param serverChannel the server channel class of the transport
 * @param socketChannel the client channel class of the transport
 * @param transport {@code epoll}, {@code io_uring}, {@code nio}, or a supplier's own name
 */
public record EventLoops(
        EventLoopGroup group,
        Class<? extends ServerChannel> serverChannel,
        Class<? extends SocketChannel> socketChannel,
        String transport) {

    /** Validates that nothing is missing. */
    public EventLoops {
        if (group == null || serverChannel == null || socketChannel == null || transport == null)
            throw new IllegalArgumentException("event loops need a group, both channel classes and a transport name");
    }

    /** The loops of the group, in order. */
    public List<EventLoop> loops() {
        List<EventLoop> out = new ArrayList<>();
        group.forEach(e -> out.add((EventLoop) e));
        return out;
    }
}
