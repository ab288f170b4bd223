package dev.tulip.internal.http;

import static dev.tulip.internal.Fuzz.forAll;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    // ---- properties ----------------------------------------------------------------------------

    @Test
    void anyBytesGiveEventsAndNeverAnException() {
        forAll(r -> {
            for (String e : feed(new RequestParser(CONFIG), Traffic.mutated(r), Traffic.cuts(r))) {
                if (e.startsWith("FAIL ")) assertThat(FAILURE_STATUSES).contains(Integer.parseInt(e.substring(5, 8)));
            }
        });
    }

    @Test
    void randomBytesAreRefusedOrWaitedForButNeverThrow() {
        forAll(r -> feed(new RequestParser(CONFIG), Traffic.bytes(r, 600), Traffic.cuts(r)));
    }

    @Test
    void howTheBytesAreSplitNeverChangesWhatIsParsed() {
        forAll(r -> {
            byte[] input = Traffic.traffic(r);
            List<String> whole = feed(new RequestParser(CONFIG), input, List.of());
            assertThat(feed(new RequestParser(CONFIG), input, Traffic.cuts(r))).isEqualTo(whole);
            assertThat(whole).noneMatch(e -> e.startsWith("FAIL"));
        });
    }

    @Test
    void howMutatedBytesAreSplitNeverChangesWhetherAndWhereTheyFail() {
        forAll(r -> {
            byte[] input = Traffic.mutated(r);
            List<String> whole = feed(new RequestParser(CONFIG), input, List.of());
            List<String> split = feed(new RequestParser(CONFIG), input, Traffic.cuts(r));
            // a failure found before the rest of the head arrived may have another 4xx than the
            // whole head's first error: compare that a failure happens, after the same requests
            assertThat(withoutStatus(split)).isEqualTo(withoutStatus(whole));
        });
    }

    @Test
    void aChunkedBodyParsesToTheSameRequestAsItsContentLengthTwin() {
        forAll(r -> {
            byte[] body = Traffic.bytes(r, 4096);
            List<Integer> sizes = Traffic.cuts(r);
            if (sizes.isEmpty()) sizes = List.of(7);
            byte[] fixed = Traffic.serialize("POST", "/x", List.of(), body, sizes, 1, false);
            byte[] chunked = Traffic.serialize("POST", "/x", List.of(), body, sizes, 2, false);
            String a = feed(new RequestParser(CONFIG), fixed, List.of()).getFirst();
            String b = feed(new RequestParser(CONFIG), chunked, List.of()).getFirst();
            assertThat(bodyOf(b)).isEqualTo(bodyOf(a));
        });
    }

    @Test
    void aStreamedBodyIsTheBufferedBodyInPieces() {
        var route = new Target(req -> null, false, false, "/*", -1, -1, true);
        forAll(r -> {
            byte[] input = Traffic.traffic(r);
            List<String> buffered = feed(new RequestParser(CONFIG), input, List.of());
            List<String> streamed =
                    joinChunks(feed(new RequestParser(CONFIG, (m, u) -> route), input, Traffic.cuts(r)));
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
}
