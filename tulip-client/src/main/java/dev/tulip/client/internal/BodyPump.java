package dev.tulip.client.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sends a streamed request body, on a virtual thread: reads a chunk, writes it, and waits until the
 * socket took it before reading the next, so a slow server holds back the reading instead of
 * filling memory.
 */
final class BodyPump implements Runnable {
    private static final int CHUNK = 64 * 1024;
    private final Exchange exchange;
    private final Channel ch;
    private final InputStream in;

    BodyPump(Exchange exchange, Channel ch, InputStream in) {
        this.exchange = exchange;
        this.ch = ch;
        this.in = in;
    }

    @Override
    public void run() {
        byte[] buf = new byte[CHUNK];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n == 0) continue;
                if (!written(ch.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(buf, 0, n))))) return;
                exchange.progress();
            }
            ChannelFuture last = ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (written(last)) ch.eventLoop().execute(exchange::requestDone);
        } catch (IOException | RuntimeException e) {
            exchange.abort(new IOException("reading the request body failed: " + e, e));
        } catch (InterruptedException e) {
            exchange.abort(new IOException("the request body's upload was interrupted", e));
        }
    }

    private boolean written(ChannelFuture f) throws InterruptedException {
        f.await();
        if (f.isSuccess()) return true;
        ch.eventLoop().execute(() -> exchange.fail(f.cause()));
        return false;
    }
}
