package dev.tulip.internal.http;

import dev.tulip.Config;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * How parse time grows with the size of a request head, fed whole and trickled a few bytes per
 * read (a slow client): run by {@code scripts/parse-scaling.sh}, not by the suite. Linear growth
 * means the time per byte stays flat as the head doubles.
 */
final class ParseScaling {
    private ParseScaling() {}

    public static void main(String[] args) {
        Config config = Config.defaults().toBuilder()
                .maxHeaderSize(4 << 20)
                .maxHeaderCount(1 << 20)
                .build();
        System.out.printf("%10s %8s %14s %14s%n", "head bytes", "piece", "ns total", "ns per byte");
        for (int piece : new int[] {1 << 20, 16, 1}) {
            for (int size = 16 << 10; size <= 1 << 20; size *= 2) {
                byte[] head = head(size);
                long best = Long.MAX_VALUE;
                for (int round = 0; round < 7; round++) best = Math.min(best, time(config, head, piece));
                System.out.printf(
                        "%10d %8s %14d %14.1f%n",
                        head.length, piece >= 1 << 20 ? "whole" : piece, best, (double) best / head.length);
            }
        }
    }

    private static byte[] head(int size) {
        var b = new StringBuilder("GET /scaling HTTP/1.1\r\nHost: example.com\r\n");
        for (int i = 0; b.length() < size; i++) b.append("X-Header-").append(i).append(": some value here\r\n");
        return b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Feeds the head in pieces of {@code piece} bytes, as reads would; returns the nanoseconds spent parsing. */
    private static long time(Config config, byte[] head, int piece) {
        RequestParser parser = new RequestParser(config);
        ByteBuf in = Unpooled.buffer(head.length);
        long spent = 0;
        for (int at = 0; at < head.length; at += piece) {
            in.writeBytes(head, at, Math.min(piece, head.length - at));
            long t0 = System.nanoTime();
            RequestParser.Event e = parser.parse(in);
            spent += System.nanoTime() - t0;
            if (e instanceof RequestParser.Failure f) throw new IllegalStateException(f.message());
        }
        in.release();
        return spent;
    }
}
