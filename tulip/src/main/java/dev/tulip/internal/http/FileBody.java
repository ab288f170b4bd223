package dev.tulip.internal.http;

import dev.tulip.Response;
import io.netty.channel.Channel;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.FileRegion;
import io.netty.channel.socket.DuplexChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * How a {@link Response.Body.File} goes out: as a {@link DefaultFileRegion} on a socket (epoll and
 * NIO send it with {@code sendfile}, io_uring with {@code splice}: the bytes never enter the heap),
 * or copied through a buffer by a streamed writer where a region cannot go (a body gzipped on the
 * fly, a channel that is not a socket).
 */
final class FileBody {
    private FileBody() {}

    /** Whether {@code channel} takes a file region as it is. */
    static boolean zeroCopy(Channel channel) {
        return channel instanceof DuplexChannel;
    }

    /** The region to write; it opens the file when it is sent and closes it once sent or dropped. */
    static FileRegion region(Response.Body.File f) {
        return new DefaultFileRegion(f.path().toFile(), f.offset(), f.length());
    }

    /** A writer that copies the region through a heap buffer, for the streamed path. */
    static Response.BodyWriter copy(Response.Body.File f) {
        return out -> {
            try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate(8192);
                long pos = f.offset();
                long end = f.offset() + f.length();
                while (pos < end) {
                    buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
                    int n = ch.read(buf, pos);
                    if (n < 0)
                        throw new IOException(f.path() + " is shorter than the " + f.length() + " bytes to send");
                    out.write(buf.array(), 0, n);
                    pos += n;
                }
            }
        };
    }
}
