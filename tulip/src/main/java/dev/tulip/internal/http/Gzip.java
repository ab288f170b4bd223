package dev.tulip.internal.http;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip member (RFC 1952) written in pieces: the header before the first piece, each piece
 * deflated with a sync flush (so a client can decode what was sent so far, as a stream needs), and
 * the CRC-32 and length trailer after the last. The output of each call is in {@link #out()}, valid
 * until the next call. Not thread-safe; {@link #end()} frees the zlib memory at once (a cleaner
 * frees it otherwise).
 */
final class Gzip {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater;
    private final CRC32 crc = new CRC32();
    private byte[] out = new byte[1024];
    private int outLen;
    private boolean started;

    Gzip(int level) {
        deflater = new Deflater(level, true); // raw deflate: the gzip framing is written here
    }

    /**
     * Compresses {@code data[off, off + len)} into {@link #out()}: with the header if it is the
     * first piece, and the trailer if {@code last}. Returns the number of bytes in {@code out()}.
     */
    int write(byte[] data, int off, int len, boolean last) {
        outLen = 0;
        if (!started) {
            started = true;
            append(HEADER, HEADER.length);
        }
        crc.update(data, off, len);
        deflater.setInput(data, off, len);
        if (last) {
            deflater.finish();
            while (!deflater.finished()) drain(Deflater.NO_FLUSH);
            long size = deflater.getBytesRead();
            int c = (int) crc.getValue();
            int n = (int) size; // ISIZE is the length modulo 2^32
            append(
                    new byte[] {
                        (byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
                        (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)
                    },
                    8);
        } else {
            // a sync flush is complete once deflate leaves room in the output
            while (drain(Deflater.SYNC_FLUSH)) {}
        }
        return outLen;
    }

    /** Compresses all of {@code body} as one member, then makes this ready for the next; a new array. */
    byte[] compress(byte[] body) {
        int n = write(body, 0, body.length, true);
        reset();
        byte[] result = Arrays.copyOf(out, n);
        if (out.length > 64 * 1024) out = new byte[1024]; // a reused Gzip keeps no large buffer
        return result;
    }

    /** The output of the last {@link #write}. */
    byte[] out() {
        return out;
    }

    /** Ready for a new member, keeping the zlib memory (for reuse by one thread). */
    void reset() {
        deflater.reset();
        crc.reset();
        started = false;
    }

    /** Frees the zlib memory; this is unusable afterwards. */
    void end() {
        deflater.end();
    }

    /** Deflates into the free part of {@code out}, growing it when full; true if it filled it. */
    private boolean drain(int flush) {
        if (outLen == out.length) out = Arrays.copyOf(out, out.length * 2);
        int room = out.length - outLen;
        int k = deflater.deflate(out, outLen, room, flush);
        outLen += k;
        return k == room;
    }

    private void append(byte[] b, int n) {
        if (outLen + n > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + n));
        System.arraycopy(b, 0, out, outLen, n);
        outLen += n;
    }
}
