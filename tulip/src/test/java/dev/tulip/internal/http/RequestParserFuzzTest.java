package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Config;
import dev.tulip.internal.Target;
import dev.tulip.internal.http.RequestParser.Chunk;
import dev.tulip.internal.http.RequestParser.Event;
import dev.tulip.internal.http.RequestParser.Failure;
import dev.tulip.internal.http.RequestParser.Parsed;
import dev.tulip.internal.http.RequestParser.Signal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Properties of the request parser over generated traffic: valid requests (pipelined, with
 * Content-Length or chunked bodies) and the same traffic mutated byte by byte. Whatever the bytes,
 * the parser answers with an event and never throws; how the bytes are split across reads never
 * changes what it finds; a chunked body means the same as its Content-Length twin; a streamed body
 * is the buffered one in pieces. Cases come from a seeded generator, so a run repeats exactly and
 * a failure names the seed that reproduces it; {@code scripts/fuzz.sh} runs many more.
 */
class RequestParserFuzzTest {
    private static final Config CONFIG = Config.defaults().toBuilder()
            .maxRequestLine(256)
            .maxHeaderSize(1024)
            .maxHeaderCount(16)
            .maxBodySize(4096)
            .build();
    private static final Set<Integer> FAILURE_STATUSES = Set.of(400, 413, 414, 417, 431, 501, 505);

    /** Cases per property; {@code scripts/fuzz.sh} runs many more ({@code -Dtulip.fuzz.cases}). */
    private static final int CASES = Integer.getInteger("tulip.fuzz.cases", 400);
    /** A fixed start makes a run repeatable; {@code -Dtulip.fuzz.seed} explores others. */
    private static final long SEED = Long.getLong("tulip.fuzz.seed", 20261201L);

    /** Runs {@code check} on {@link #CASES} generated cases; a failure names the seed that reproduces it. */
    private static void forAll(Consumer<SplittableRandom> check) {
        for (int i = 0; i < CASES; i++) {
            long seed = SEED * 1_000_003L + i;
            try {
                check.accept(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "case " + i + " failed; rerun it with -Dtulip.fuzz.seed=" + SEED + " (case seed " + seed + "): "
                                + e.getMessage(),
                        e);
            }
        }
    }

    // ---- generators ----------------------------------------------------------------------------

    private static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String text(SplittableRandom r, String alphabet, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        var b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return b.toString();
    }

    private static byte[] bytes(SplittableRandom r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /** One well-formed request as bytes. */
    private static byte[] request(SplittableRandom r) {
        String method = pick(r, "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "X-SYNC");
        var path = new StringBuilder();
        int segments = r.nextInt(5);
        for (int i = 0; i < segments; i++)
            path.append('/')
                    .append(text(r, "abcxyzABC019-._~!$&'()*+,;=:@", 0, 8).replace("..", "%2E"));
        if (path.isEmpty()) path.append('/');
        if (r.nextBoolean()) path.append('?').append(text(r, "ab=&+?/", 0, 10));
        List<String> headers = new ArrayList<>();
        int count = r.nextInt(6);
        while (headers.size() < count) {
            String name = text(r, "abcXYZ-_!#$'*+.^`|~09", 1, 10);
            if (Set.of("host", "content-length", "transfer-encoding", "connection", "expect", "upgrade")
                    .contains(name.toLowerCase(java.util.Locale.ROOT))) continue;
            headers.add(name + ": " + text(r, "abc XYZ;=,\"\t/09()", 0, 20).strip());
        }
        List<Integer> chunking = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(20); i < n; i++) chunking.add(1 + r.nextInt(64));
        return serialize(method, path.toString(), headers, bytes(r, 300), chunking, r.nextInt(3), false);
    }

    /** One to three requests back to back, as a pipelining client sends them. */
    private static byte[] traffic(SplittableRandom r) {
        var out = new ByteArrayOutputStream();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) out.writeBytes(request(r));
        return out.toByteArray();
    }

    private static final byte[] NASTY = {
        '\r', '\n', 0, ' ', ':', ';', '\t', 0x7f, (byte) 0xff, '0', 'f', '-', '%', '#', '/'
    };

    /** Well-formed traffic with a few bytes flipped, dropped, inserted or repeated. */
    private static byte[] mutated(SplittableRandom r) {
        var bytes = new ArrayList<Byte>();
        for (byte b : traffic(r)) bytes.add(b);
        for (int m = 0, n = 1 + r.nextInt(4); m < n && !bytes.isEmpty(); m++) {
            int at = r.nextInt(bytes.size());
            byte nasty = NASTY[r.nextInt(NASTY.length)];
            switch (r.nextInt(4)) {
                case 0 -> bytes.set(at, nasty);
                case 1 -> bytes.remove(at);
                case 2 -> bytes.add(at, nasty);
                default -> bytes.addAll(at, new ArrayList<>(bytes.subList(at, Math.min(bytes.size(), at + 12))));
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) out[i] = bytes.get(i);
        return out;
    }

    /** Sizes of the pieces input is split into across reads (the rest comes at once). */
    private static List<Integer> cuts(SplittableRandom r) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0, n = r.nextInt(31); i < n; i++) cuts.add(1 + r.nextInt(40));
        return cuts;
    }

    // ---- properties ----------------------------------------------------------------------------

    @Test
    void anyBytesGiveEventsAndNeverAnException() {
        forAll(r -> {
            for (String e : feed(new RequestParser(CONFIG), mutated(r), cuts(r))) {
                if (e.startsWith("FAIL ")) assertThat(FAILURE_STATUSES).contains(Integer.parseInt(e.substring(5, 8)));
            }
        });
    }

    @Test
    void randomBytesAreRefusedOrWaitedForButNeverThrow() {
        forAll(r -> feed(new RequestParser(CONFIG), bytes(r, 600), cuts(r)));
    }

    @Test
    void howTheBytesAreSplitNeverChangesWhatIsParsed() {
        forAll(r -> {
            byte[] input = traffic(r);
            List<String> whole = feed(new RequestParser(CONFIG), input, List.of());
            assertThat(feed(new RequestParser(CONFIG), input, cuts(r))).isEqualTo(whole);
            assertThat(whole).noneMatch(e -> e.startsWith("FAIL"));
        });
    }

    @Test
    void howMutatedBytesAreSplitNeverChangesWhetherAndWhereTheyFail() {
        forAll(r -> {
            byte[] input = mutated(r);
            List<String> whole = feed(new RequestParser(CONFIG), input, List.of());
            List<String> split = feed(new RequestParser(CONFIG), input, cuts(r));
            // a failure found before the rest of the head arrived may have another 4xx than the
            // whole head's first error: compare that a failure happens, after the same requests
            assertThat(withoutStatus(split)).isEqualTo(withoutStatus(whole));
        });
    }

    @Test
    void aChunkedBodyParsesToTheSameRequestAsItsContentLengthTwin() {
        forAll(r -> {
            byte[] body = bytes(r, 4096);
            List<Integer> sizes = cuts(r);
            if (sizes.isEmpty()) sizes = List.of(7);
            byte[] fixed = serialize("POST", "/x", List.of(), body, sizes, 1, false);
            byte[] chunked = serialize("POST", "/x", List.of(), body, sizes, 2, false);
            String a = feed(new RequestParser(CONFIG), fixed, List.of()).getFirst();
            String b = feed(new RequestParser(CONFIG), chunked, List.of()).getFirst();
            assertThat(bodyOf(b)).isEqualTo(bodyOf(a));
        });
    }

    @Test
    void aStreamedBodyIsTheBufferedBodyInPieces() {
        var route = new Target(req -> null, false, false, "/*", -1, -1, true);
        forAll(r -> {
            byte[] input = traffic(r);
            List<String> buffered = feed(new RequestParser(CONFIG), input, List.of());
            List<String> streamed = joinChunks(feed(new RequestParser(CONFIG, (m, u) -> route), input, cuts(r)));
            assertThat(streamed).isEqualTo(buffered);
        });
    }

    // ---- feeding and recording -----------------------------------------------------------------

    /** Feeds {@code input} in pieces of the given sizes (the rest at once), recording each event as text. */
    private static List<String> feed(RequestParser parser, byte[] input, List<Integer> cuts) {
        ByteBuf in = Unpooled.buffer();
        List<String> events = new ArrayList<>();
        try {
            int at = 0;
            for (int i = 0; at < input.length; i++) {
                int n = i < cuts.size() ? Math.min(cuts.get(i), input.length - at) : input.length - at;
                in.writeBytes(input, at, n);
                at += n;
                while (in.isReadable()) {
                    int before = in.readableBytes();
                    Event e = parser.parse(in);
                    if (e == Signal.NEED_MORE) {
                        assertThat(in.readableBytes())
                                .as("NEED_MORE consumes no more than it used")
                                .isLessThanOrEqualTo(before);
                        break;
                    }
                    if (e == Signal.CONTINUE) continue; // depends on whether the body came yet
                    events.add(describe(e));
                    if (e instanceof Failure) return events;
                }
                in.discardReadBytes();
            }
            return events;
        } finally {
            in.release();
        }
    }

    private static String describe(Event e) {
        return switch (e) {
            case Parsed p -> {
                var b = new StringBuilder(p.method() + " " + p.uri() + " " + p.version() + " ka=" + p.keepAlive());
                for (int i = 0; i < p.headers().size(); i++)
                    b.append(" | ")
                            .append(p.headers().name(i))
                            .append(": ")
                            .append(p.headers().value(i));
                b.append(" body=").append(p.streamed() ? "streamed" : hex(p.body() == null ? new byte[0] : p.body()));
                yield b.toString();
            }
            case Chunk c -> "CHUNK " + hex(c.data()) + (c.last() ? " END" : "");
            case Failure f -> "FAIL " + f.status() + " " + f.message();
            case Signal s -> s.name();
        };
    }

    private static List<String> withoutStatus(List<String> events) {
        return events.stream().map(e -> e.startsWith("FAIL") ? "FAIL" : e).toList();
    }

    /** A streamed request's head and chunks as the one buffered event they stand for. */
    private static List<String> joinChunks(List<String> events) {
        List<String> out = new ArrayList<>();
        StringBuilder pending = null;
        for (String e : events) {
            if (e.startsWith("CHUNK ")) {
                boolean last = e.endsWith(" END");
                pending.append(e, 6, last ? e.length() - 4 : e.length());
                if (last) {
                    out.add(pending.toString());
                    pending = null;
                }
            } else if (e.endsWith(" body=streamed")) {
                pending = new StringBuilder(e.substring(0, e.length() - "streamed".length()));
            } else {
                out.add(e);
            }
        }
        if (pending != null) out.add(pending + "(incomplete)");
        return out;
    }

    private static String bodyOf(String event) {
        return event.substring(event.indexOf(" body=") + 6);
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    private static byte[] serialize(
            String method,
            String target,
            List<String> headers,
            byte[] body,
            List<Integer> chunks,
            int framing,
            boolean close) {
        var out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: example.com\r\n");
        for (String h : headers) head.append(h).append("\r\n");
        if (close) head.append("Connection: close\r\n");
        if (framing == 1) head.append("Content-Length: ").append(body.length).append("\r\n");
        if (framing == 2) head.append("Transfer-Encoding: chunked\r\n");
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (framing == 1) out.writeBytes(body);
        if (framing == 2) {
            int at = 0;
            for (int i = 0; at < body.length; i++) {
                int n = Math.min(chunks.get(i % chunks.size()), body.length - at);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, at, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                at += n;
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}
