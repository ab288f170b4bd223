package dev.tulip.internal.http;

import dev.tulip.Request;
import dev.tulip.spi.UpgradedConnection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;

/** A connection after {@code 101}: what the protocol that took it over sees. Confined to its loop. */
final class Takeover implements UpgradedConnection {
    private final Request request;
    private final Channel channel;
    private ByteBuf buffered;
    private final List<Runnable> onDrain = new ArrayList<>(1);

    Takeover(Request request, Channel channel, ByteBuf buffered) {
        this.request = request;
        this.channel = channel;
        this.buffered = buffered;
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public ByteBuf takeBufferedInput() {
        ByteBuf b = buffered;
        buffered = Unpooled.EMPTY_BUFFER;
        return b;
    }

    @Override
    public void onDrain(Runnable action) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> onDrain(action));
            return;
        }
        onDrain.add(action);
    }

    /** The app drains: tell the protocol, or close the connection if it asked for nothing. */
    void drain() {
        if (onDrain.isEmpty()) {
            channel.close();
            return;
        }
        for (Runnable r : onDrain) {
            try {
                r.run();
            } catch (RuntimeException e) {
                dev.tulip.internal.Log.TULIP.error("drain action of an upgraded connection failed", e);
                channel.close();
            }
        }
    }
}
