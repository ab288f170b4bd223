package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** {@link Gzip}: whole bodies and bodies in pieces decompress to the original with the JDK's gzip reader. */
class GzipTest {

    static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static byte[] text(int n) {
        var sb = new StringBuilder();
        for (int i = 0; sb.length() < n; i++) sb.append("{\"id\":").append(i).append(",\"name\":\"item\"},");
        return sb.substring(0, n).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aWholeBodyDecompressesToTheOriginalAndIsSmaller() throws IOException {
        byte[] body = text(100_000);

        byte[] gz = new Gzip(6).compress(body);

        assertThat(gunzip(gz)).isEqualTo(body);
        assertThat(gz.length).isLessThan(body.length / 5);
    }

    @Test
    void oneGzipServesManyBodiesInTurn() throws IOException {
        Gzip gzip = new Gzip(6);
        byte[] random = new byte[300_000]; // incompressible: the output grows past its first buffer
        new Random(7).nextBytes(random);

        assertThat(gunzip(gzip.compress(text(5000)))).isEqualTo(text(5000));
        assertThat(gunzip(gzip.compress(random))).isEqualTo(random);
        assertThat(gunzip(gzip.compress(new byte[0]))).isEmpty();
    }

    @Test
    void eachPieceCanBeDecodedAsSoonAsItIsWritten() throws Exception {
        Gzip gzip = new Gzip(6);
        Inflater inflater = new Inflater(true);
        var all = new ByteArrayOutputStream();
        var sent = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            byte[] piece = ("event " + i + "\n").getBytes(StandardCharsets.US_ASCII);
            sent.write(piece);
            int n = gzip.write(piece, 0, piece.length, false);
            byte[] out = Arrays.copyOf(gzip.out(), n);
            all.write(out);
            inflater.setInput(i == 0 ? Arrays.copyOfRange(out, 10, n) : out); // the first piece carries the header

            byte[] decoded = new byte[64];
            int k = inflater.inflate(decoded);

            assertThat(new String(decoded, 0, k, StandardCharsets.US_ASCII)).isEqualTo("event " + i + "\n");
        }
        int n = gzip.write(new byte[0], 0, 0, true);
        all.write(gzip.out(), 0, n);
        gzip.end();

        assertThat(gunzip(all.toByteArray())).isEqualTo(sent.toByteArray());
    }

    @Test
    void aMemberWithNothingWrittenIsStillValidGzip() throws IOException {
        Gzip gzip = new Gzip(6);

        int n = gzip.write(new byte[0], 0, 0, true);

        assertThat(gunzip(Arrays.copyOf(gzip.out(), n))).isEmpty();
    }
}
