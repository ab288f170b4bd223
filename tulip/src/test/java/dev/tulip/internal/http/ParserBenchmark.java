package dev.tulip.internal.http;

import dev.tulip.Config;
import dev.tulip.Response;
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
 * The per-request work of the HTTP layer without sockets: parsing a typical request head (as a
 * keep-alive connection sees it, and as a fresh connection does) and encoding a small response.
 * Lives in tulip's test sources, in the parser's package to reach its package-private classes;
 * surefire skips it. Run with bench/jmh.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class ParserBenchmark {
    private static final byte[] REQUEST = ("GET /plaintext HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/plain,text/html;q=0.9,application/xhtml+xml;q=0.9,application/xml;q=0.8,*/*;q=0.7\r\n"
                    + "Connection: keep-alive\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Config config = Config.defaults();
    private RequestParser keepAlive;
    private ByteBuf in;
    private ByteBuf out;
    private ResponseEncoder encoder;
    private Prepared json;

    @Setup
    public void setup() {
        keepAlive = new RequestParser(config);
        in = Unpooled.buffer(REQUEST.length);
        out = Unpooled.buffer(512);
        encoder = new ResponseEncoder("Tulip", new DateHeader());
        json = new Prepared(
                Response.json(new Object()), "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.UTF_8), null);
    }

    /** The same connection's second and later requests: target and header lines come from its memo. */
    @Benchmark
    public Object parseOnKeepAliveConnection() {
        in.clear().writeBytes(REQUEST);
        return keepAlive.parse(in);
    }

    /** A connection's first request: every line validated and every string created. */
    @Benchmark
    public Object parseOnNewConnection() {
        in.clear().writeBytes(REQUEST);
        return new RequestParser(config).parse(in);
    }

    /** Status line, cached head fields, Content-Length and a 27-byte JSON body. */
    @Benchmark
    public ByteBuf encodeJsonResponse() {
        out.clear();
        encoder.encode(out, json, false, false, false);
        return out;
    }
}
