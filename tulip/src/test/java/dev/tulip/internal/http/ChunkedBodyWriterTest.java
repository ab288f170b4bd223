package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ChunkedBodyWriter} on an embedded channel: each flush is one chunk, compressed or not. */
class ChunkedBodyWriterTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    private final ChannelHandlerContext ctx = channel.pipeline().firstContext();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    /** The data of each chunk written so far, in order; the last chunk is an empty array. */
    private List<byte[]> chunks() {
        List<byte[]> out = new ArrayList<>();
        ByteBuf b;
        while ((b = channel.readOutbound()) != null) {
            String wire = b.toString(StandardCharsets.ISO_8859_1);
            b.release();
            while (!wire.isEmpty()) {
                int eol = wire.indexOf("\r\n");
                int size = Integer.parseInt(wire.substring(0, eol), 16);
                out.add(wire.substring(eol + 2, eol + 2 + size).getBytes(StandardCharsets.ISO_8859_1));
                wire = wire.substring(eol + 2 + size + 2);
            }
        }
        return out;
    }

    @Test
    void withoutGzipEachFlushIsOneChunkOfTheBytesWritten() throws Exception {
        var writer = new ChunkedBodyWriter(ctx, true);

        writer.write("one".getBytes(StandardCharsets.US_ASCII));
        writer.flush();
        writer.write("two".getBytes(StandardCharsets.US_ASCII));
        writer.close();

        assertThat(chunks())
                .extracting(c -> new String(c, StandardCharsets.US_ASCII))
                .containsExactly("one", "two", "");
    }

    @Test
    void withGzipEachChunkDecodesToWhatWasFlushedAndTheWholeToTheBody() throws Exception {
        var writer = new ChunkedBodyWriter(ctx, true, new Gzip(6), null);
        var body = new ByteArrayOutputStream();
        var wire = new ByteArrayOutputStream();
        Inflater inflater = new Inflater(true);
        for (int i = 0; i < 4; i++) {
            byte[] line = ("line " + i + " of a streamed body\n").repeat(50).getBytes(StandardCharsets.US_ASCII);
            body.write(line);
            writer.write(line);
            writer.flush();
            List<byte[]> sent = chunks();
            assertThat(sent).hasSize(1);
            byte[] chunk = sent.getFirst();
            wire.write(chunk);
            inflater.setInput(i == 0 ? Arrays.copyOfRange(chunk, 10, chunk.length) : chunk);

            byte[] decoded = new byte[line.length + 16];
            int n = inflater.inflate(decoded);

            assertThat(Arrays.copyOf(decoded, n)).isEqualTo(line);
            assertThat(chunk.length).isLessThan(line.length / 4);
        }
        writer.close();
        List<byte[]> tail = chunks();
        assertThat(tail).hasSize(2); // the deflate end and the gzip trailer, then the last chunk
        assertThat(tail.get(1)).isEmpty();
        wire.write(tail.get(0));

        assertThat(GzipTest.gunzip(wire.toByteArray())).isEqualTo(body.toByteArray());
        assertThat(writer.written()).isEqualTo(body.size());
    }

    @Test
    void aGzippedStreamWithNothingWrittenIsAValidEmptyGzipBody() throws Exception {
        var writer = new ChunkedBodyWriter(ctx, true, new Gzip(6), null);

        writer.close();

        List<byte[]> sent = chunks();
        assertThat(sent).hasSize(2);
        assertThat(GzipTest.gunzip(sent.getFirst())).isEmpty();
    }
}
