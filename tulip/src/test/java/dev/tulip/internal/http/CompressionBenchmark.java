package dev.tulip.internal.http;

import dev.tulip.Response;
import dev.tulip.internal.HeaderList;
import dev.tulip.internal.Prepared;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What compression costs the encoder: the benchmark's small JSON response with compression off,
 * on for a client that accepts gzip (under the threshold: nothing to do), and a 16 KiB JSON body
 * gzipped. Surefire skips it; run with {@code bench/jmh.sh -f 1 CompressionBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class CompressionBenchmark {
    private ByteBuf out;
    private ResponseEncoder off;
    private ResponseEncoder on;
    private Prepared small;
    private Prepared large;
    private final HeaderList browser = new HeaderList();

    @Setup
    public void setup() {
        out = Unpooled.buffer(32 * 1024);
        off = new ResponseEncoder("Tulip", new DateHeader());
        on = new ResponseEncoder("Tulip", new DateHeader(), new Compression(true, 1024));
        small = new Prepared(
                Response.json(new Object()), "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.UTF_8), null);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; sb.length() < 16 * 1024; i++)
            sb.append("{\"id\":").append(i).append(",\"name\":\"row ").append(i).append("\"},");
        large = new Prepared(Response.json(new Object()), sb.toString().getBytes(StandardCharsets.UTF_8), null);
        browser.add("Host", "localhost").add("Accept", "*/*").add("Accept-Encoding", "gzip, deflate, br, zstd");
    }

    @Benchmark
    public ByteBuf smallCompressionOff() {
        out.clear();
        off.encode(out, small, false, false, false, browser);
        return out;
    }

    @Benchmark
    public ByteBuf smallCompressionOn() {
        out.clear();
        on.encode(out, small, false, false, false, browser);
        return out;
    }

    @Benchmark
    public ByteBuf largeCompressionOff() {
        out.clear();
        off.encode(out, large, false, false, false, browser);
        return out;
    }

    @Benchmark
    public ByteBuf largeGzipped() {
        out.clear();
        on.encode(out, large, false, false, false, browser);
        return out;
    }
}
