package dev.tulip.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

/** What the server keeps per event loop; touched only on that loop, apart from the batch's queue. */
final class PerLoop {
    final EventLoop loop;
    final LoopBatch batch;
    final Set<Connection> connections = new HashSet<>();
    /** The buffer for input that a connection parses completely within one read. */
    private ByteBuf scratchInput;

    PerLoop(EventLoop loop, ThreadFactory handlerThreads) {
        this.loop = loop;
        this.batch = new LoopBatch(loop, handlerThreads);
    }

    /** The loop's shared input buffer, emptied; only for use within one {@code channelRead}. */
    ByteBuf scratchInput(int atLeast) {
        ByteBuf b = scratchInput;
        if (b == null) scratchInput = b = Unpooled.buffer(Math.max(16 * 1024, atLeast));
        return b.clear(); // a heap buffer that grows as written
    }

    boolean isScratch(ByteBuf b) {
        return b == scratchInput;
    }
}
