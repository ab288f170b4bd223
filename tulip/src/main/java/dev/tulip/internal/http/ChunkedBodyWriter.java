package dev.tulip.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stream a {@link dev.tulip.Response.BodyWriter} writes to, on its virtual thread: buffers up
 * to 8 KiB, sends each flush as one chunk, and blocks while the socket's outbound buffer is full,
 * so a slow client slows the writer instead of filling memory. With a {@link Gzip}, each chunk is
 * the compressed form of what was written since the last flush (a sync flush, so the client can
 * decode it at once), and the gzip trailer goes out before the last chunk.
 */
final class ChunkedBodyWriter extends OutputStream {
    private final ChannelHandlerContext ctx;
    private final boolean chunked; // false: raw bytes, the body ends when the connection closes (HTTP/1.0)
    private final Gzip gzip; // null: the body goes out as written
    private final byte[] buf = new byte[8192];
    private int len;
    private volatile long written;
    private boolean finished;
    private volatile boolean aborted;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writable = lock.newCondition();
    /**
     * The response's head, sent with the first bytes or flush of the body (or at its end), not
     * before: a writer that fails first can still be answered with a 500. Null once sent.
     */
    private volatile ByteBuf head;

    ChunkedBodyWriter(ChannelHandlerContext ctx, boolean chunked) {
        this(ctx, chunked, null, null);
    }

    /** A writer whose body is compressed by {@code gzip} (null: sent as written), after {@code head} (null: already sent). */
    ChunkedBodyWriter(ChannelHandlerContext ctx, boolean chunked, Gzip gzip, ByteBuf head) {
        this.ctx = ctx;
        this.chunked = chunked;
        this.gzip = gzip;
        this.head = head;
    }

    /** Whether the head went out; if not, nothing of the response did. */
    boolean headSent() {
        return head == null;
    }

    /** Frees the head that was never sent (the response is answered otherwise). */
    void dropHead() {
        ByteBuf h = head;
        head = null;
        if (h != null) h.release();
    }

    private void sendHead(boolean flush) {
        ByteBuf h = head;
        if (h == null) return;
        head = null;
        if (flush) ctx.writeAndFlush(h, ctx.voidPromise());
        else ctx.write(h, ctx.voidPromise());
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (len == buf.length) flush();
        buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        ensureOpen();
        while (n > 0) {
            if (len == buf.length) flush();
            int k = Math.min(n, buf.length - len);
            System.arraycopy(b, off, buf, len, k);
            len += k;
            off += k;
            n -= k;
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (len == 0) {
            sendHead(true); // an explicit flush commits the head
            return;
        }
        awaitWritable();
        send(len, false);
        written += len;
        len = 0;
    }

    /** Sends the first {@code n} bytes of {@code buf}, compressed if this compresses ({@code last}: with the trailer). */
    private void send(int n, boolean last) {
        sendHead(false);
        byte[] data = buf;
        if (gzip != null) {
            n = gzip.write(buf, 0, n, last);
            data = gzip.out();
        }
        ctx.writeAndFlush(
                chunked
                        ? ResponseEncoder.chunk(ctx.alloc(), data, n)
                        : ctx.alloc().ioBuffer(n).writeBytes(data, 0, n),
                ctx.voidPromise());
    }

    /** Body bytes handed to the connection so far. */
    long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        if (finished) return;
        if (gzip == null) {
            flush();
        } else {
            ensureOpen();
            awaitWritable();
            send(len, true); // what is left and the gzip trailer, in one chunk
            written += len;
            len = 0;
            gzip.end(); // a failed stream's is freed by its cleaner: ending it under a running write fails that write
        }
        finished = true;
        sendHead(!chunked);
        if (chunked)
            ctx.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(ResponseEncoder.LAST_CHUNK), ctx.voidPromise());
    }

    private void ensureOpen() throws IOException {
        if (finished) throw new IOException("the body is already complete");
        if (aborted || !ctx.channel().isActive()) throw new IOException("the client connection is closed");
    }

    private void awaitWritable() throws IOException {
        lock.lock();
        try {
            while (!ctx.channel().isWritable()) {
                ensureOpen();
                writable.await(100, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the client to read");
        } finally {
            lock.unlock();
        }
    }

    void writabilityChanged() {
        lock.lock();
        try {
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void abort() {
        aborted = true;
        writabilityChanged();
    }
}
