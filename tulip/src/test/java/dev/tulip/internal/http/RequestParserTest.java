package dev.tulip.internal.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tulip.Config;
import dev.tulip.internal.http.RequestParser.Event;
import dev.tulip.internal.http.RequestParser.Failure;
import dev.tulip.internal.http.RequestParser.Parsed;
import dev.tulip.internal.http.RequestParser.Signal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RequestParser} over plain Netty buffers, without sockets: what each input yields. */
class RequestParserTest {
    private static final int MAX_REQUEST_LINE = 64;
    private static final int MAX_HEADER_SIZE = 128;
    private static final int MAX_HEADER_COUNT = 4;
    private static final int MAX_BODY = 16;

    /** Small limits, so each can be reached with a short request. */
    private static final Config LIMITS = Config.defaults().toBuilder()
            .maxRequestLine(MAX_REQUEST_LINE)
            .maxHeaderSize(MAX_HEADER_SIZE)
            .maxHeaderCount(MAX_HEADER_COUNT)
            .maxBodySize(MAX_BODY)
            .build();

    private static final String CHUNKED = "Transfer-Encoding: chunked\r\n";

    private final List<ByteBuf> buffers = new ArrayList<>();

    @AfterEach
    void releaseBuffers() {
        for (ByteBuf b : buffers) b.release();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ByteBuf buffer(boolean direct) {
        ByteBuf b = direct ? Unpooled.directBuffer(64) : Unpooled.buffer(64);
        buffers.add(b);
        return b;
    }

    /** A heap buffer holding {@code text} as ISO-8859-1 bytes (so "\0" and "\u007f" are single bytes). */
    private ByteBuf bytes(String text) {
        return buffer(false).writeBytes(text.getBytes(ISO_8859_1));
    }

    private static RequestParser parser() {
        return new RequestParser(Config.defaults());
    }

    /** The first event a fresh parser with default limits finds in {@code request}. */
    private Event parse(String request) {
        return parser().parse(bytes(request));
    }

    private static Parsed parsed(Event e) {
        assertThat(e).isInstanceOf(Parsed.class);
        return (Parsed) e;
    }

    private static void assertFailure(Event e, int status) {
        assertThat(e).isInstanceOf(Failure.class);
        Failure f = (Failure) e;
        assertThat(f.status()).as("status of %s", f).isEqualTo(status);
        assertThat(f.message()).isNotBlank();
    }

    private static String body(Parsed p) {
        return p.body() == null ? "" : new String(p.body(), ISO_8859_1);
    }

    /** Everything a Parsed carries, as text, to compare two of them. */
    private static String describe(Parsed p) {
        StringBuilder sb = new StringBuilder()
                .append(p.method())
                .append(' ')
                .append(p.uri())
                .append(' ')
                .append(p.version())
                .append(" keepAlive=")
                .append(p.keepAlive())
                .append(" http10KeepAlive=")
                .append(p.http10KeepAlive())
                .append('\n');
        for (int i = 0; i < p.headers().size(); i++) {
            sb.append(p.headers().name(i))
                    .append(": ")
                    .append(p.headers().value(i))
                    .append('\n');
        }
        return sb.append("body=").append(p.body() == null ? "none" : body(p)).toString();
    }

    private static String get(String headers) {
        return "GET / HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n";
    }

    private static String post(String headers, String body) {
        return "POST /echo HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n" + body;
    }

    // ---- requests ------------------------------------------------------------------------------

    @Test
    void aSimpleGetYieldsItsMethodTargetAndVersionAndNoBody() {
        ByteBuf in = bytes("GET /hello?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n");

        Parsed p = parsed(parser().parse(in));

        assertThat(p.method()).isEqualTo("GET");
        assertThat(p.uri()).isEqualTo("/hello?x=1");
        assertThat(p.version()).isEqualTo("HTTP/1.1");
        assertThat(body(p)).isEmpty();
        assertThat(in.readableBytes()).as("the whole head is consumed").isZero();
    }

    @Test
    void headerFieldsKeepTheirOrderAndLoseTheWhitespaceAroundTheirValues() {
        Parsed p = parsed(parse("GET / HTTP/1.1\r\nHost: x\r\nX-First:one\r\nX-Second: \t two words \t\r\n\r\n"));

        assertThat(p.headers().size()).isEqualTo(3);
        assertThat(p.headers().name(1)).isEqualTo("X-First");
        assertThat(p.headers().value(1)).isEqualTo("one");
        assertThat(p.headers().name(2)).isEqualTo("X-Second");
        assertThat(p.headers().value(2)).isEqualTo("two words");
    }

    @Test
    void headersAreLookedUpWhateverTheCaseOfTheName() {
        Parsed p = parsed(parse("GET / HTTP/1.1\r\nhost: x\r\nX-Custom: a\r\nx-custom: b\r\nACCEPT: */*\r\n\r\n"));

        assertThat(p.headers().get("HOST")).isEqualTo("x");
        assertThat(p.headers().get("Accept")).isEqualTo("*/*");
        assertThat(p.headers().all("X-CUSTOM")).containsExactly("a", "b");
        assertThat(p.headers().get("X-Missing")).isNull();
    }

    @Test
    void anIncompleteHeadNeedsMoreAndConsumesNothing() {
        ByteBuf in = bytes("GET / HTTP/1.1\r\nHost: x\r\n");

        assertThat(parser().parse(in)).isEqualTo(Signal.NEED_MORE);
        assertThat(in.readableBytes()).isEqualTo("GET / HTTP/1.1\r\nHost: x\r\n".length());
    }

    static Stream<Arguments> splitRequests() {
        String simple = "\r\nGET /a?b=c HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n";
        String fixed = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world";
        String chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6;name=value\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
        List<Arguments> all = new ArrayList<>();
        for (boolean direct : new boolean[] {false, true}) {
            String kind = direct ? " (direct buffer)" : " (heap buffer)";
            all.add(arguments(named("a GET after an empty line" + kind, simple), direct));
            all.add(arguments(named("a Content-Length body" + kind, fixed), direct));
            all.add(arguments(named("a chunked body with a trailer" + kind, chunked), direct));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitRequests")
    void aRequestSplitAtAnyByteBoundaryYieldsTheSameParsedAsInOnePiece(String request, boolean direct) {
        byte[] bytes = request.getBytes(ISO_8859_1);
        String whole = describe(parsed(parser().parse(buffer(direct).writeBytes(bytes))));

        for (int split = 1; split < bytes.length; split++) {
            RequestParser parser = parser();
            ByteBuf in = buffer(direct).writeBytes(bytes, 0, split);
            assertThat(parser.parse(in)).as("after the first %d bytes", split).isEqualTo(Signal.NEED_MORE);
            in.discardReadBytes(); // as the connection compacts its input between reads
            in.writeBytes(bytes, split, bytes.length - split);

            Event e = parser.parse(in);

            assertThat(e).as("split after %d bytes", split).isInstanceOf(Parsed.class);
            assertThat(describe((Parsed) e)).as("split after %d bytes", split).isEqualTo(whole);
            assertThat(in.readableBytes()).as("split after %d bytes", split).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splitRequests")
    void aRequestTrickledOneByteAtATimeYieldsOneParsedAtItsLastByte(String request, boolean direct) {
        byte[] bytes = request.getBytes(ISO_8859_1);
        String whole = describe(parsed(parser().parse(buffer(direct).writeBytes(bytes))));
        RequestParser parser = parser();
        ByteBuf in = buffer(direct);

        for (int i = 0; i < bytes.length - 1; i++) {
            in.writeByte(bytes[i]);
            assertThat(parser.parse(in)).as("after byte %d", i).isEqualTo(Signal.NEED_MORE);
            in.discardSomeReadBytes();
        }
        in.writeByte(bytes[bytes.length - 1]);

        assertThat(describe(parsed(parser.parse(in)))).isEqualTo(whole);
    }

    @Test
    void aContentLengthBodyIsReadExactlyAndWhatFollowsIsLeftInTheBuffer() {
        String next = "GET /next HTTP/1.1\r\n";
        ByteBuf in = bytes(post("Content-Length: 5\r\n", "hello" + next));

        Parsed p = parsed(parser().parse(in));

        assertThat(body(p)).isEqualTo("hello");
        assertThat(in.toString(ISO_8859_1)).isEqualTo(next);
    }

    @Test
    void aContentLengthBodyArrivingLaterNeedsMoreUntilItIsComplete() {
        RequestParser parser = parser();
        ByteBuf in = bytes(post("Content-Length: 5\r\n", "he"));

        assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
        in.writeBytes("llo".getBytes(ISO_8859_1));

        assertThat(body(parsed(parser.parse(in)))).isEqualTo("hello");
    }

    @Test
    void aChunkedBodyIsReassembledAndItsTrailersAreNotAddedToTheHeaders() {
        ByteBuf in =
                bytes(post(CHUNKED, "5\r\nhello\r\n1;ext=\"x\"\r\n \r\n5\r\nworld\r\n0\r\nX-Checksum: abc\r\n\r\n"));

        Parsed p = parsed(parser().parse(in));

        assertThat(body(p)).isEqualTo("hello world");
        assertThat(p.headers().get("X-Checksum")).isNull();
        assertThat(p.headers().get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(in.readableBytes()).isZero();
    }

    @Test
    void anUpperCaseChunkedCodingAndHexSizesInEitherCaseAreAccepted() {
        String body = "x".repeat(0xab);
        Parsed p = parsed(parse(post("Transfer-Encoding: Chunked\r\n", "aB\r\n" + body + "\r\n0\r\n\r\n")));

        assertThat(body(p)).isEqualTo(body);
    }

    @Test
    void pipelinedRequestsInOneBufferAreParsedOneAtATimeInOrder() {
        String partial = "GET /fourth HTTP/1.1\r\nHo";
        ByteBuf in = bytes("GET /first HTTP/1.1\r\nHost: a\r\n\r\n"
                + post("Content-Length: 3\r\n", "abc")
                + "GET /third HTTP/1.1\r\nHost: c\r\n\r\n"
                + partial);
        RequestParser parser = parser();

        Parsed first = parsed(parser.parse(in));
        Parsed second = parsed(parser.parse(in));
        Parsed third = parsed(parser.parse(in));
        Event fourth = parser.parse(in);

        assertThat(first.uri()).isEqualTo("/first");
        assertThat(first.headers().get("Host")).isEqualTo("a");
        assertThat(second.method()).isEqualTo("POST");
        assertThat(body(second)).isEqualTo("abc");
        assertThat(third.uri()).isEqualTo("/third");
        assertThat(third.headers().get("Host")).isEqualTo("c");
        assertThat(fourth).isEqualTo(Signal.NEED_MORE);
        assertThat(in.toString(ISO_8859_1)).as("the incomplete request is kept").isEqualTo(partial);
    }

    @Test
    void aKeepAliveConnectionsNextRequestGetsItsOwnTargetAndHeaderValues() {
        RequestParser parser = parser();
        ByteBuf in = bytes("GET /a HTTP/1.1\r\nHost: x\r\nX-V: 1\r\n\r\n"
                + "GET /a HTTP/1.1\r\nHost: x\r\nX-V: 1\r\n\r\n"
                + "GET /b HTTP/1.1\r\nHost: x\r\nX-V: 2\r\nX-W: 3\r\n\r\n"
                + "GET /a HTTP/1.1\r\nHost: y\r\n\r\n");

        Parsed first = parsed(parser.parse(in));
        Parsed same = parsed(parser.parse(in));
        Parsed other = parsed(parser.parse(in));
        Parsed fewer = parsed(parser.parse(in));

        assertThat(describe(same)).isEqualTo(describe(first));
        assertThat(other.uri()).isEqualTo("/b");
        assertThat(other.headers().get("X-V")).isEqualTo("2");
        assertThat(other.headers().get("X-W")).isEqualTo("3");
        assertThat(fewer.uri()).isEqualTo("/a");
        assertThat(fewer.headers().size()).isEqualTo(1);
        assertThat(fewer.headers().get("Host")).isEqualTo("y");
    }

    @Test
    void anAbsoluteFormTargetIsReducedToItsPathAndQuery() {
        assertThat(parsed(parse("GET http://example.com/p?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n"))
                        .uri())
                .isEqualTo("/p?q=1");
        assertThat(parsed(parse("GET https://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n"))
                        .uri())
                .isEqualTo("/");
    }

    @Test
    void anAsteriskTargetIsAcceptedForOptionsOnly() {
        assertThat(parsed(parse("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n")).uri()).isEqualTo("*");
        assertFailure(parse("GET * HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    }

    // ---- keep-alive ----------------------------------------------------------------------------

    @Test
    void anHttp11RequestKeepsTheConnectionAliveByDefault() {
        Parsed p = parsed(parse(get("")));

        assertThat(p.keepAlive()).isTrue();
        assertThat(p.http10KeepAlive()).isFalse();
    }

    @ParameterizedTest(name = "Connection: {0}")
    @ValueSource(strings = {"close", "Close", "keep-alive, close", "upgrade,CLOSE"})
    void anHttp11RequestWithConnectionCloseEndsTheConnection(String connection) {
        Parsed p = parsed(parse(get("Connection: " + connection + "\r\n")));

        assertThat(p.keepAlive()).isFalse();
        assertThat(p.http10KeepAlive()).isFalse();
    }

    @Test
    void anHttp10RequestEndsTheConnectionByDefaultAndNeedsNoHost() {
        Parsed p = parsed(parse("GET / HTTP/1.0\r\n\r\n"));

        assertThat(p.version()).isEqualTo("HTTP/1.0");
        assertThat(p.keepAlive()).isFalse();
        assertThat(p.http10KeepAlive()).isFalse();
    }

    @ParameterizedTest(name = "Connection: {0}")
    @ValueSource(strings = {"keep-alive", "Keep-Alive"})
    void anHttp10RequestWithConnectionKeepAliveKeepsTheConnectionAndSaysSo(String connection) {
        Parsed p = parsed(parse("GET / HTTP/1.0\r\nConnection: " + connection + "\r\n\r\n"));

        assertThat(p.keepAlive()).isTrue();
        assertThat(p.http10KeepAlive())
                .as("the response must carry Connection: keep-alive")
                .isTrue();
    }

    @Test
    void anHttp10RequestWithBothKeepAliveAndCloseEndsTheConnection() {
        Parsed p = parsed(parse("GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n"));

        assertThat(p.keepAlive()).isFalse();
        assertThat(p.http10KeepAlive()).isFalse();
    }

    @Test
    void aRequestPipelinedAfterOneThatClosesTheConnectionIsIgnored() {
        RequestParser parser = parser();
        ByteBuf in = bytes(get("Connection: close\r\n") + get(""));

        assertThat(parsed(parser.parse(in)).keepAlive()).isFalse();
        assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
        assertThat(in.readableBytes()).as("the rest is discarded").isZero();
    }

    // ---- strictness ----------------------------------------------------------------------------

    private static Arguments bad(String description, String request) {
        return arguments(named(description, request));
    }

    static Stream<Arguments> bareLineFeeds() {
        return Stream.of(
                bad("in every line", "GET / HTTP/1.1\nHost: x\n\n"),
                bad("after the request line", "GET / HTTP/1.1\nHost: x\r\n\r\n"),
                bad("after a header", "GET / HTTP/1.1\r\nHost: x\n\r\n"),
                bad("ending the head", "GET / HTTP/1.1\r\nHost: x\r\n\n"),
                bad("before the request", "\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    @ParameterizedTest(name = "a bare LF {0} is 400")
    @MethodSource("bareLineFeeds")
    void aLineEndingInABareLfIsRejected(String request) {
        assertFailure(parse(request), 400);
    }

    @ParameterizedTest(name = "a continuation line starting with {0}")
    @ValueSource(strings = {" ", "\t"})
    void obsoleteLineFoldingIsRejected(String whitespace) {
        assertFailure(parse(get("X-A: a\r\n" + whitespace + "b\r\n")), 400);
    }

    @Test
    void obsoleteLineFoldingOnTheFirstHeaderLineIsRejected() {
        assertFailure(parse("GET / HTTP/1.1\r\n Host: x\r\n\r\n"), 400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Host : x", "X-A\t: a"})
    void whitespaceBetweenAFieldNameAndItsColonIsRejected(String line) {
        assertFailure(parse("GET / HTTP/1.1\r\nHost: x\r\n" + line + "\r\n\r\n"), 400);
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                bad("NUL in a name", get("X-\0A: a\r\n")),
                bad("\\x01 in a name", get("X-\u0001A: a\r\n")),
                bad("DEL in a name", get("X-\u007fA: a\r\n")),
                bad("bare CR in a name", get("X-\rA: a\r\n")),
                bad("NUL in a value", get("X-A: a\0b\r\n")),
                bad("\\x1f in a value", get("X-A: a\u001fb\r\n")),
                bad("DEL in a value", get("X-A: a\u007fb\r\n")),
                bad("bare CR in a value", get("X-A: a\rb\r\n")),
                bad("CR before the CRLF", get("X-A: a\r\r\n")),
                bad("a control character in the target", "GET /a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("NUL in the method", "GE\0T / HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0} is 400")
    @MethodSource("controlCharacters")
    void controlCharactersInTheHeadAreRejected(String request) {
        assertFailure(parse(request), 400);
    }

    @Test
    void aTabInsideAHeaderValueIsAllowed() {
        assertThat(parsed(parse(get("X-A: a\tb\r\n"))).headers().get("X-A")).isEqualTo("a\tb");
    }

    @Test
    void anHttp11RequestWithoutHostIsRejected() {
        assertFailure(parse("GET / HTTP/1.1\r\nX-A: a\r\n\r\n"), 400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP/1.1", "HTTP/1.0"})
    void aRequestWithTwoHostFieldsIsRejected(String version) {
        assertFailure(parse("GET / " + version + "\r\nHost: x\r\nhost: x\r\n\r\n"), 400);
    }

    @ParameterizedTest(name = "Host: \"{0}\"")
    @ValueSource(
            strings = {"a b", "a/b", "u@a", "a?b", "a#b", "a\\b", "[::1", "[zz::1]", "a:b", "a:123456", "%zz", "é"})
    void anInvalidHostIsRejected(String host) {
        assertFailure(parse("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"), 400);
    }

    @ParameterizedTest(name = "Host: \"{0}\"")
    @ValueSource(
            strings = {
                "",
                "example.com",
                "example.com:8080",
                "127.0.0.1",
                "[::1]:80",
                "[2001:db8::1]",
                "a-b_c~d.e",
                "x%41y",
                "a:",
                "sub!$&'()*+,;=x"
            })
    void aValidHostIsAccepted(String host) {
        assertThat(parsed(parse("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"))
                        .headers()
                        .get("Host"))
                .isEqualTo(host);
    }

    @ParameterizedTest(name = "target {0}")
    @ValueSource(
            strings = {"/a#frag", "/a?b#c", "/a|b", "/a{b}", "/a\"b", "/a<b>", "/a\\b", "/a^b", "/a`b", "/%zz", "/%4"})
    void aTargetOutsideTheOriginFormGrammarIsRejected(String target) {
        assertFailure(parse("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    }

    @ParameterizedTest(name = "target {0}")
    @ValueSource(strings = {"/", "/a/b.c", "/a?b=c&d=%20e", "/~u/!$&'()*+,;=:@", "/a?x=/y?z", "/%2F"})
    void aTargetInsideTheGrammarIsAccepted(String target) {
        assertThat(parsed(parse("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                        .uri())
                .isEqualTo(target);
    }

    @Test
    void aTlsHandshakeOnThePlainPortIsRefusedAtItsFirstByte() {
        // a ClientHello's record header, with no CRLF anywhere: nothing to wait for
        Event e = parse("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003");
        assertFailure(e, 400);
        assertThat(((Failure) e).message()).contains("TLS handshake");
    }

    @Test
    void anHttp2PrefaceIsRefusedSayingSo() {
        Event e = parse("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        assertFailure(e, 400);
        assertThat(((Failure) e).message()).contains("HTTP/2");
    }

    @Test
    void twoContentLengthFieldsAreRejectedEvenWhenTheyAgree() {
        assertFailure(parse(post("Content-Length: 4\r\nContent-Length: 4\r\n", "abcd")), 400);
    }

    @ParameterizedTest(name = "Content-Length: \"{0}\"")
    @ValueSource(strings = {"", "+4", "-1", "0x4", "4.0", "4, 4", "1 0", "four", "1000000000000000000"})
    void aContentLengthThatIsNotJustDigitsIsRejected(String value) {
        assertFailure(parse(post("Content-Length: " + value + "\r\n", "abcd")), 400);
    }

    @Test
    void whitespaceAroundAContentLengthIsAllowed() {
        assertThat(body(parsed(parse(post("Content-Length: \t4 \r\n", "abcd")))))
                .isEqualTo("abcd");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"
            })
    void transferEncodingTogetherWithContentLengthIsRejected(String headers) {
        assertFailure(parse(post(headers, "0\r\n\r\n")), 400);
    }

    @ParameterizedTest(name = "Transfer-Encoding: {0}")
    @ValueSource(strings = {"chunked, gzip", "chunked, chunked", "identity", "xchunked", "", "chunked,"})
    void aTransferEncodingThatDoesNotEndInOneChunkedIsRejected(String value) {
        assertFailure(parse(post("Transfer-Encoding: " + value + "\r\n", "0\r\n\r\n")), 400);
    }

    @Test
    void chunkedInTwoTransferEncodingFieldsIsRejected() {
        assertFailure(parse(post(CHUNKED + CHUNKED, "0\r\n\r\n")), 400);
    }

    @Test
    void aTransferCodingBeforeChunkedIsNotImplemented() {
        assertFailure(parse(post("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n")), 501);
    }

    @Test
    void transferEncodingOnAnHttp10RequestIsRejected() {
        assertFailure(parse("POST /echo HTTP/1.0\r\n" + CHUNKED + "\r\n0\r\n\r\n"), 400);
    }

    @ParameterizedTest(name = "chunk size line \"{0}\"")
    @ValueSource(
            strings = {
                "zz",
                "-1",
                "0x5",
                "",
                "5 garbage",
                "5;a=\u0001",
                "0000000000000005",
                "fffffffffffffffff",
                "5;",
                "5; ",
                "5;;a",
                "5;=x",
                "5;a=",
                "5;a=\"x",
                "5;a=b c",
                "5;a b",
                "5 ",
                "5;a=\"\u0001\"",
                "5;a=x "
            })
    void aMalformedChunkSizeLineIsRejected(String sizeLine) {
        assertFailure(parse(post(CHUNKED, sizeLine + "\r\nhello\r\n0\r\n\r\n")), 400);
    }

    @ParameterizedTest(name = "chunk size line \"{0}\"")
    @ValueSource(strings = {"5;a", "5;a=b", "5 ;a", "5; a = b", "5;a=\"quoted \\\" value\";b;c=d", "5\t;a"})
    void wellFormedChunkExtensionsAreIgnored(String sizeLine) {
        assertThat(body(parsed(parse(post(CHUNKED, sizeLine + "\r\nhello\r\n0\r\n\r\n")))))
                .isEqualTo("hello");
    }

    static Stream<Arguments> chunkFraming() {
        return Stream.of(
                bad("data longer than its size", "5\r\nhelloXX\r\n0\r\n\r\n"),
                bad("data shorter than its size", "5\r\nhell\r\n0\r\n\r\n"),
                bad("data followed by a bare LF", "5\r\nhello\n0\r\n\r\n"),
                bad("a size line ending in a bare LF", "5\nhello\r\n0\r\n\r\n"),
                bad("the last chunk ending in a bare LF", "5\r\nhello\r\n0\n\r\n"),
                bad("the trailer section ending in a bare LF", "5\r\nhello\r\n0\r\n\n"),
                bad("a trailer without a colon", "5\r\nhello\r\n0\r\nX-T yes\r\n\r\n"),
                bad("obs-fold in the trailers", "5\r\nhello\r\n0\r\nX-T: yes\r\n more\r\n\r\n"),
                bad("a control character in a trailer", "5\r\nhello\r\n0\r\nX-T: a\0b\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0} is 400")
    @MethodSource("chunkFraming")
    void chunkedFramingOtherThanCrlfDelimitedIsRejected(String body) {
        assertFailure(parse(post(CHUNKED, body)), 400);
    }

    static Stream<Arguments> requestLines() {
        return Stream.of(
                bad("an empty method", " / HTTP/1.1"),
                bad("a parenthesis in the method", "G(T / HTTP/1.1"),
                bad("two spaces after the method", "GET  / HTTP/1.1"),
                bad("a tab as separator", "GET\t/ HTTP/1.1"),
                bad("no version", "GET /"),
                bad("a space after the version", "GET / HTTP/1.1 "),
                bad("a lower-case version", "GET / http/1.1"),
                bad("a version without a dot", "GET / HTTP/11"),
                bad("a target not starting with a slash", "GET foo HTTP/1.1"),
                bad("a non-ASCII byte in the target", "GET /\u00e9 HTTP/1.1"));
    }

    @ParameterizedTest(name = "{0} is 400")
    @MethodSource("requestLines")
    void aMalformedRequestLineIsRejected(String requestLine) {
        assertFailure(parse(requestLine + "\r\nHost: x\r\n\r\n"), 400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP/1.2", "HTTP/2.0", "HTTP/0.9"})
    void anHttpVersionOtherThan10Or11Is505(String version) {
        assertFailure(parse("GET / " + version + "\r\nHost: x\r\n\r\n"), 505);
    }

    // ---- limits --------------------------------------------------------------------------------

    private Event parseWithLimits(String request) {
        return new RequestParser(LIMITS).parse(bytes(request));
    }

    /** "GET /?aaa HTTP/1.1" of exactly {@code length} bytes (without CRLF). */
    private static String requestLine(int length) {
        String line = "GET /?" + "a".repeat(length - "GET /? HTTP/1.1".length()) + " HTTP/1.1";
        assertThat(line).hasSize(length);
        return line;
    }

    /** Header lines of exactly {@code size} bytes including their CRLFs: Host plus one padding field. */
    private static String headersOfSize(int size) {
        String headers = "Host: x\r\nX-Pad: " + "p".repeat(size - "Host: x\r\nX-Pad: \r\n".length()) + "\r\n";
        assertThat(headers).hasSize(size);
        return headers;
    }

    private static String headersOfCount(int count) {
        StringBuilder sb = new StringBuilder("Host: x\r\n");
        for (int i = 1; i < count; i++) sb.append("X-").append(i).append(": v\r\n");
        return sb.toString();
    }

    @Test
    void aRequestLineAtTheLimitIsParsed() {
        parsed(parseWithLimits(requestLine(MAX_REQUEST_LINE) + "\r\nHost: x\r\n\r\n"));
    }

    @Test
    void aRequestLineOneByteOverTheLimitIs414() {
        assertFailure(parseWithLimits(requestLine(MAX_REQUEST_LINE + 1) + "\r\nHost: x\r\n\r\n"), 414);
    }

    @Test
    void aRequestLineThatKeepsGrowingIs414BeforeItEnds() {
        assertFailure(parseWithLimits("GET /" + "a".repeat(MAX_REQUEST_LINE * 2)), 414);
    }

    @Test
    void aHeaderSectionAtTheSizeLimitIsParsed() {
        parsed(parseWithLimits("GET / HTTP/1.1\r\n" + headersOfSize(MAX_HEADER_SIZE) + "\r\n"));
    }

    @Test
    void aHeaderSectionOneByteOverTheSizeLimitIs431() {
        assertFailure(parseWithLimits("GET / HTTP/1.1\r\n" + headersOfSize(MAX_HEADER_SIZE + 1) + "\r\n"), 431);
    }

    @Test
    void aHeaderSectionAtTheSizeLimitWaitsForTheLfOfItsFinalEmptyLine() {
        RequestParser parser = new RequestParser(LIMITS);
        ByteBuf in = bytes("GET / HTTP/1.1\r\n" + headersOfSize(MAX_HEADER_SIZE) + "\r");

        assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
        in.writeByte('\n');

        parsed(parser.parse(in));
    }

    @Test
    void aHeaderThatKeepsGrowingIs431BeforeItEnds() {
        assertFailure(
                parseWithLimits("GET / HTTP/1.1\r\nHost: x\r\nX-Endless: " + "e".repeat(MAX_HEADER_SIZE * 2)), 431);
    }

    @Test
    void asManyHeaderFieldsAsTheLimitAreParsed() {
        Parsed p = parsed(parseWithLimits("GET / HTTP/1.1\r\n" + headersOfCount(MAX_HEADER_COUNT) + "\r\n"));

        assertThat(p.headers().size()).isEqualTo(MAX_HEADER_COUNT);
    }

    @Test
    void oneHeaderFieldOverTheLimitIs431() {
        assertFailure(parseWithLimits("GET / HTTP/1.1\r\n" + headersOfCount(MAX_HEADER_COUNT + 1) + "\r\n"), 431);
    }

    @Test
    void aContentLengthBodyAtTheLimitIsParsed() {
        String body = "b".repeat(MAX_BODY);

        assertThat(body(parsed(parseWithLimits(post("Content-Length: " + MAX_BODY + "\r\n", body)))))
                .isEqualTo(body);
    }

    @Test
    void aContentLengthOneByteOverTheLimitIs413BeforeAnyOfTheBodyArrives() {
        assertFailure(parseWithLimits(post("Content-Length: " + (MAX_BODY + 1) + "\r\n", "")), 413);
    }

    @Test
    void aChunkedBodyAtTheLimitIsParsed() {
        Parsed p = parsed(parseWithLimits(post(CHUNKED, "a\r\n0123456789\r\n6\r\nabcdef\r\n0\r\n\r\n")));

        assertThat(body(p)).isEqualTo("0123456789abcdef");
    }

    @Test
    void aChunkedBodyOneByteOverTheLimitIs413() {
        assertFailure(parseWithLimits(post(CHUNKED, "a\r\n0123456789\r\n7\r\nabcdefg\r\n0\r\n\r\n")), 413);
    }

    @Test
    void aSingleChunkOverTheLimitIs413BeforeItsDataArrives() {
        assertFailure(parseWithLimits(post(CHUNKED, Integer.toHexString(MAX_BODY + 1) + "\r\n")), 413);
    }

    @Test
    void aTrailerSectionOverTheHeaderSizeLimitIs431() {
        assertFailure(
                parseWithLimits(post(CHUNKED, "1\r\na\r\n0\r\nX-Trailer: " + "t".repeat(MAX_HEADER_SIZE) + "\r\n\r\n")),
                431);
    }

    @Test
    void aContentLengthTooLargeForAnArrayIsRefusedEvenWhenTheBodyLimitAllowsIt() {
        RequestParser parser = new RequestParser(
                Config.defaults().toBuilder().maxBodySize(Long.MAX_VALUE).build());
        ByteBuf in = bytes(post("Content-Length: 4294967301\r\n", "hello" + get("")));

        assertFailure(parser.parse(in), 413);
    }

    @Test
    void aChunkTooLargeForAnArrayIsRefusedEvenWhenTheBodyLimitAllowsIt() {
        RequestParser parser = new RequestParser(
                Config.defaults().toBuilder().maxBodySize(Long.MAX_VALUE).build());
        ByteBuf in = bytes(post(CHUNKED, "100000005\r\n" + "x".repeat(1000)));

        assertFailure(parser.parse(in), 413);
    }

    // ---- Expect: 100-continue ------------------------------------------------------------------

    @Test
    void expect100ContinueBeforeAContentLengthBodySignalsContinueThenYieldsTheBody() {
        RequestParser parser = parser();
        ByteBuf in = bytes(post("Expect: 100-continue\r\nContent-Length: 5\r\n", ""));

        assertThat(parser.parse(in)).isEqualTo(Signal.CONTINUE);
        assertThat(parser.parse(in))
                .as("nothing more to say until the body comes")
                .isEqualTo(Signal.NEED_MORE);
        in.writeBytes("hello".getBytes(ISO_8859_1));

        assertThat(body(parsed(parser.parse(in)))).isEqualTo("hello");
    }

    @Test
    void expect100ContinueBeforeAChunkedBodySignalsContinue() {
        RequestParser parser = parser();
        ByteBuf in = bytes(post("Expect: 100-Continue\r\n" + CHUNKED, ""));

        assertThat(parser.parse(in)).isEqualTo(Signal.CONTINUE);
        in.writeBytes("5\r\nhello\r\n0\r\n\r\n".getBytes(ISO_8859_1));

        assertThat(body(parsed(parser.parse(in)))).isEqualTo("hello");
    }

    @Test
    void expect100ContinueWithTheBodyAlreadyThereYieldsTheRequestWithoutContinue() {
        assertThat(body(parsed(parse(post("Expect: 100-continue\r\nContent-Length: 5\r\n", "hello")))))
                .isEqualTo("hello");
    }

    @Test
    void expect100ContinueOnHttp10IsNotAnsweredWithContinue() {
        RequestParser parser = parser();
        ByteBuf in = bytes("POST /echo HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");

        assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
    }

    @Test
    void anExpectationOtherThan100ContinueIs417() {
        assertFailure(parse(post("Expect: something-else\r\nContent-Length: 5\r\n", "hello")), 417);
    }

    // ---- empty lines before the request line ---------------------------------------------------

    @Test
    void emptyLinesBeforeTheRequestLineAreSkipped() {
        ByteBuf in = bytes("\r\n".repeat(8) + get(""));

        assertThat(parsed(parser().parse(in)).uri()).isEqualTo("/");
        assertThat(in.readableBytes()).isZero();
    }

    @Test
    void anEmptyLineSplitBetweenItsCrAndItsLfIsSkipped() {
        RequestParser parser = parser();
        ByteBuf in = bytes("\r");

        assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
        in.writeBytes(("\n" + get("")).getBytes(ISO_8859_1));

        assertThat(parsed(parser.parse(in)).method()).isEqualTo("GET");
    }

    @Test
    void moreThanEightEmptyLinesBeforeTheRequestLineAreRejected() {
        assertFailure(parse("\r\n".repeat(9) + get("")), 400);
    }

    @Test
    void emptyLinesBeforeTheRequestLineAreCountedAcrossReads() {
        RequestParser parser = parser();
        ByteBuf in = buffer(false);
        for (int i = 0; i < 8; i++) {
            in.writeBytes("\r\n".getBytes(ISO_8859_1));
            assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
        }
        in.writeBytes(("\r\n" + get("")).getBytes(ISO_8859_1));

        assertFailure(parser.parse(in), 400);
    }

    // ---- after a failure -----------------------------------------------------------------------

    @Test
    void afterAFailureTheRestOfTheInputAndAllLaterInputIsIgnored() {
        RequestParser parser = parser();
        ByteBuf in = bytes("GET / HTTP/1.1\r\nHost : x\r\n\r\n" + get(""));

        assertFailure(parser.parse(in), 400);
        assertThat(in.readableBytes()).as("the rest of the buffer is discarded").isZero();
        in.writeBytes(get("").getBytes(ISO_8859_1));

        assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
        assertThat(in.readableBytes()).isZero();
    }

    @Test
    void aFailureInsideAPipelineComesAfterTheRequestsBeforeIt() {
        RequestParser parser = parser();
        ByteBuf in = bytes(get("") + "GET / HTTP/1.1\r\nHost : x\r\n\r\n" + get(""));

        parsed(parser.parse(in));
        assertFailure(parser.parse(in), 400);
        assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
    }

    // ---- streamed bodies -----------------------------------------------------------------------

    private static RequestParser streamingParser(long routeLimit) {
        var route = new dev.tulip.internal.Target(req -> null, false, true, "/echo", routeLimit, -1, true);
        return new RequestParser(LIMITS, (method, uri) -> uri.equals("/echo") ? route : null);
    }

    private static String chunk(Event e) {
        assertThat(e).isInstanceOf(RequestParser.Chunk.class);
        var c = (RequestParser.Chunk) e;
        return new String(c.data(), ISO_8859_1) + (c.last() ? "|end" : "");
    }

    @Test
    void aStreamedRouteGetsTheHeadFirstThenTheBodyAsItArrives() {
        RequestParser parser = streamingParser(-1);
        ByteBuf in = bytes(post("Content-Length: 10\r\n", "hello"));

        Parsed head = parsed(parser.parse(in));
        assertThat(head.streamed()).isTrue();
        assertThat(head.body()).isNull();
        assertThat(chunk(parser.parse(in))).isEqualTo("hello");
        assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
        in.writeBytes("world".getBytes(ISO_8859_1)).writeBytes(get("").getBytes(ISO_8859_1));
        assertThat(chunk(parser.parse(in))).isEqualTo("world|end");
        assertThat(parsed(parser.parse(in)).method())
                .as("the next request follows")
                .isEqualTo("GET");
    }

    @Test
    void aStreamedChunkedBodyEndsAfterItsTrailers() {
        RequestParser parser = streamingParser(-1);
        ByteBuf in = bytes(post(CHUNKED, "3\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n"));

        assertThat(parsed(parser.parse(in)).streamed()).isTrue();
        assertThat(chunk(parser.parse(in))).isEqualTo("abc");
        assertThat(chunk(parser.parse(in))).isEqualTo("de");
        assertThat(chunk(parser.parse(in))).isEqualTo("|end");
    }

    @Test
    void aStreamedRouteMayAcceptMoreThanTheAppsLimitAndStillEnforcesItsOwn() {
        RequestParser parser = streamingParser(20);
        ByteBuf in = bytes(post(CHUNKED, "10\r\n" + "x".repeat(16) + "\r\n"));

        parsed(parser.parse(in));
        assertThat(chunk(parser.parse(in))).hasSize(16);
        in.writeBytes("5\r\nyyyyy\r\n".getBytes(ISO_8859_1));
        assertFailure(parser.parse(in), 413);
    }

    @Test
    void aStreamedRequestThatExpectsContinueSaysSoInItsHeadInsteadOfSignallingContinue() {
        RequestParser parser = streamingParser(-1);
        ByteBuf in = bytes(post("Expect: 100-continue\r\nContent-Length: 2\r\n", ""));

        Parsed head = parsed(parser.parse(in));
        assertThat(head.expectContinue()).isTrue();
        assertThat(parser.parse(in)).isEqualTo(Signal.NEED_MORE);
    }
}
