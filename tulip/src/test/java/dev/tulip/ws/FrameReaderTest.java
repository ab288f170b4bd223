package dev.tulip.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The frame rules of RFC 6455 section 5, on buffers (Autobahn's groups 1-7 and 9 as far as reading goes). */
class FrameReaderTest {
    private static final int MAX = 100_000;

    /** Everything the reader says, in order, as text. */
    private final List<String> events = new ArrayList<>();

    private final FrameReader.Sink sink = new FrameReader.Sink() {
        @Override
        public void message(Message m) {
            events.add(m instanceof Message.Text t ? "text:" + t.text() : "binary:" + m.bytes().length);
        }

        @Override
        public void ping(byte[] payload) {
            events.add("ping:" + new String(payload, StandardCharsets.UTF_8));
        }

        @Override
        public void pong() {
            events.add("pong");
        }

        @Override
        public void close(int code, String reason) {
            events.add("close:" + code + ":" + reason);
        }
    };

    private static byte[] frame(boolean fin, int opcode, byte[] payload) {
        return WsClient.encode(fin, 0, opcode, payload, true);
    }

    private static byte[] text(boolean fin, int opcode, String s) {
        return frame(fin, opcode, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) b.writeBytes(p);
        return b.toByteArray();
    }

    private static byte[] closePayload(int code, byte[] reason) {
        byte[] p = new byte[2 + reason.length];
        p[0] = (byte) (code >> 8);
        p[1] = (byte) code;
        System.arraycopy(reason, 0, p, 2, reason.length);
        return p;
    }

    /** Feeds {@code bytes} in one buffer and reads all it can. */
    private void readAll(byte[] bytes) throws FrameReader.ProtocolException {
        readAll(new FrameReader(MAX, MAX), bytes);
    }

    private void readAll(FrameReader reader, byte[] bytes) throws FrameReader.ProtocolException {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        while (reader.read(in, sink)) {}
    }

    private int codeOf(byte[] bytes) {
        try {
            readAll(bytes);
        } catch (FrameReader.ProtocolException e) {
            return e.code;
        }
        throw new AssertionError("no protocol error; read " + events);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65535, 65536, 99_999})
    void aBinaryMessageOfAnyLengthUpToTheLimitIsReadWhole(int length) throws Exception {
        readAll(frame(true, Frames.BINARY, new byte[length]));
        assertThat(events).containsExactly("binary:" + length);
    }

    @Test
    void aMessageArrivingOneByteAtATimeIsReadOnceWhole() throws Exception {
        byte[] bytes = text(true, Frames.TEXT, "héllo wörld, this is a message of some length".repeat(5));
        FrameReader reader = new FrameReader(MAX, MAX);
        ByteBuf in = Unpooled.buffer();
        for (byte b : bytes) {
            in.writeByte(b);
            reader.read(in, sink);
            in.discardReadBytes();
        }
        assertThat(events).containsExactly("text:" + "héllo wörld, this is a message of some length".repeat(5));
    }

    @Test
    void fragmentsAreJoinedAndControlFramesBetweenThemAreReadInPlace() throws Exception {
        readAll(concat(
                text(false, Frames.TEXT, "frag"),
                text(true, Frames.PING, "p1"),
                text(false, Frames.CONTINUATION, "men"),
                text(true, Frames.PONG, ""),
                text(true, Frames.CONTINUATION, "ted"),
                frame(false, Frames.BINARY, new byte[3]),
                frame(true, Frames.CONTINUATION, new byte[4])));
        assertThat(events).containsExactly("ping:p1", "pong", "text:fragmented", "binary:7");
    }

    @Test
    void emptyFragmentsMakeAnEmptyMessage() throws Exception {
        readAll(concat(
                text(false, Frames.TEXT, ""),
                text(false, Frames.CONTINUATION, ""),
                text(true, Frames.CONTINUATION, "")));
        assertThat(events).containsExactly("text:");
    }

    @Test
    void aCharacterSplitAcrossFragmentsIsValid() throws Exception {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // 3 bytes
        readAll(concat(
                frame(false, Frames.TEXT, Arrays.copyOfRange(euro, 0, 1)),
                frame(false, Frames.CONTINUATION, Arrays.copyOfRange(euro, 1, 2)),
                frame(true, Frames.CONTINUATION, Arrays.copyOfRange(euro, 2, 3))));
        assertThat(events).containsExactly("text:€");
    }

    @Test
    void invalidUtf8InATextMessageIs1007() {
        assertThat(codeOf(frame(true, Frames.TEXT, new byte[] {(byte) 0xce, (byte) 0xba, (byte) 0xff})))
                .isEqualTo(1007);
    }

    @Test
    void invalidUtf8FailsInTheFragmentThatHoldsItBeforeTheMessageEnds() {
        byte[] first = frame(false, Frames.TEXT, "ok".getBytes(StandardCharsets.UTF_8));
        byte[] bad =
                frame(false, Frames.CONTINUATION, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}); // a surrogate
        assertThat(codeOf(concat(first, bad))).isEqualTo(1007);
    }

    @Test
    void aTextMessageEndingInsideACharacterIs1007() {
        assertThat(codeOf(frame(true, Frames.TEXT, new byte[] {'a', (byte) 0xe2, (byte) 0x82})))
                .isEqualTo(1007);
    }

    @Test
    void invalidUtf8InABinaryMessageIsFine() throws Exception {
        readAll(frame(true, Frames.BINARY, new byte[] {(byte) 0xff, (byte) 0xfe}));
        assertThat(events).containsExactly("binary:2");
    }

    @Test
    void anUnmaskedFrameIs1002() {
        assertThat(codeOf(WsClient.encode(true, 0, Frames.TEXT, new byte[] {'a'}, false)))
                .isEqualTo(1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 7})
    void reservedBitsAre1002(int rsv) {
        assertThat(codeOf(WsClient.encode(true, rsv, Frames.TEXT, new byte[] {'a'}, true)))
                .isEqualTo(1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 5, 6, 7, 11, 12, 13, 14, 15})
    void reservedOpcodesAre1002(int opcode) {
        assertThat(codeOf(frame(true, opcode, new byte[0]))).isEqualTo(1002);
    }

    @Test
    void aFragmentedPingIs1002() {
        assertThat(codeOf(frame(false, Frames.PING, new byte[0]))).isEqualTo(1002);
    }

    @Test
    void aPingOver125BytesIs1002() {
        assertThat(codeOf(frame(true, Frames.PING, new byte[126]))).isEqualTo(1002);
    }

    @Test
    void aPingOf125BytesIsAnswerable() throws Exception {
        readAll(frame(true, Frames.PING, "x".repeat(125).getBytes(StandardCharsets.UTF_8)));
        assertThat(events).containsExactly("ping:" + "x".repeat(125));
    }

    @Test
    void aContinuationWithoutAMessageIs1002() {
        assertThat(codeOf(text(true, Frames.CONTINUATION, "orphan"))).isEqualTo(1002);
    }

    @Test
    void aNewMessageInsideAFragmentedOneIs1002() {
        assertThat(codeOf(concat(text(false, Frames.TEXT, "a"), text(true, Frames.TEXT, "b"))))
                .isEqualTo(1002);
    }

    @Test
    void aLengthNotInItsMinimalEncodingIs1002() {
        byte[] f = {(byte) 0x81, (byte) (0x80 | 126), 0, 5, 0, 0, 0, 0, 'h', 'e', 'l', 'l', 'o'};
        assertThat(codeOf(f)).isEqualTo(1002);
    }

    @Test
    void aLengthWithTheTopBitSetIs1002() {
        byte[] f = {(byte) 0x82, (byte) (0x80 | 127), (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(codeOf(f)).isEqualTo(1002);
    }

    @Test
    void aFrameOverMaxFrameSizeIs1009FromItsHeaderAlone() {
        FrameReader reader = new FrameReader(1000, MAX);
        byte[] header = Arrays.copyOf(frame(true, Frames.BINARY, new byte[1001]), 8); // no payload sent
        assertThatThrownBy(() -> readAll(reader, header))
                .isInstanceOfSatisfying(
                        FrameReader.ProtocolException.class,
                        e -> assertThat(e.code).isEqualTo(1009));
    }

    @Test
    void fragmentsTogetherOverMaxMessageSizeAre1009() {
        FrameReader reader = new FrameReader(1000, 1500);
        byte[] bytes =
                concat(frame(false, Frames.BINARY, new byte[1000]), frame(true, Frames.CONTINUATION, new byte[501]));
        assertThatThrownBy(() -> readAll(reader, bytes))
                .isInstanceOfSatisfying(
                        FrameReader.ProtocolException.class,
                        e -> assertThat(e.code).isEqualTo(1009));
    }

    @ParameterizedTest
    @ValueSource(
            ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void aValidCloseCodeIsReported(int code) throws Exception {
        readAll(frame(true, Frames.CLOSE, closePayload(code, "bye".getBytes(StandardCharsets.UTF_8))));
        assertThat(events).containsExactly("close:" + code + ":bye");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void anInvalidCloseCodeIs1002(int code) {
        assertThat(codeOf(frame(true, Frames.CLOSE, closePayload(code, new byte[0]))))
                .isEqualTo(1002);
    }

    @Test
    void anEmptyCloseIsReportedAs1005() throws Exception {
        readAll(frame(true, Frames.CLOSE, new byte[0]));
        assertThat(events).containsExactly("close:1005:");
    }

    @Test
    void aCloseOfOneByteIs1002() {
        assertThat(codeOf(frame(true, Frames.CLOSE, new byte[] {3}))).isEqualTo(1002);
    }

    @Test
    void aCloseReasonThatIsNotUtf8Is1007() {
        assertThat(codeOf(frame(true, Frames.CLOSE, closePayload(1000, new byte[] {(byte) 0xc0, (byte) 0x80}))))
                .isEqualTo(1007);
    }

    @Test
    void nothingAfterACloseIsRead() throws Exception {
        readAll(concat(frame(true, Frames.CLOSE, closePayload(1000, new byte[0])), text(true, Frames.TEXT, "late")));
        assertThat(events).containsExactly("close:1000:");
    }
}
