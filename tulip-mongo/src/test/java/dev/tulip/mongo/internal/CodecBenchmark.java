package dev.tulip.mongo.internal;

import dev.tulip.mongo.IdType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Documents per second through Tulip's codecs (Jackson trees, records) and the driver's own
 * {@code Document} codec: encoding to BSON bytes and decoding from them, one contact-like document
 * (an ObjectId, strings, numbers, a date, a nested address, a list of tags). Surefire skips it; run
 * with tulip-mongo/bench/jmh.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"})
public class CodecBenchmark {
    /** The record form of the document. */
    public record Address(String street, String city, int zip) {}

    /** The record form of the document. */
    public record Contact(
            String id,
            String name,
            String email,
            int age,
            double score,
            Instant added,
            Address address,
            List<String> tags) {}

    private static final EncoderContext ENCODE = EncoderContext.builder().build();
    private static final DecoderContext DECODE = DecoderContext.builder().build();

    private final TreeCodec<ObjectNode> trees = new TreeCodec<>(ObjectNode.class, IdType.OBJECT_ID);
    private final JacksonCodec<Contact> records = new JacksonCodec<>(Contact.class, IdType.OBJECT_ID, Codecs.MAPPER);
    private final Codec<Document> documents = new DocumentCodec();

    private ObjectNode tree;
    private Contact record;
    private Document document;
    private byte[] bson;

    @Setup
    public void setUp() {
        ObjectId id = new ObjectId();
        Instant added = Instant.parse("2026-12-01T10:00:00Z");
        record = new Contact(
                id.toHexString(),
                "Ada Lovelace",
                "ada@example.com",
                36,
                97.5,
                added,
                new Address("12 St James's Square", "London", 10001),
                List.of("math", "engines", "poetry"));
        document = new Document("_id", id)
                .append("name", record.name())
                .append("email", record.email())
                .append("age", record.age())
                .append("score", record.score())
                .append("added", java.util.Date.from(added))
                .append(
                        "address",
                        new Document("street", "12 St James's Square")
                                .append("city", "London")
                                .append("zip", 10001))
                .append("tags", record.tags());
        bson = encode(documents, document);
        tree = trees.decode(reader(), DECODE); // the same document as a tree: id, date and all
        if (!java.util.Arrays.equals(encode(trees, tree), bson)
                || !java.util.Arrays.equals(encode(records, record), bson))
            throw new IllegalStateException("the three forms must encode to the same bytes");
    }

    private static <T> byte[] encode(Codec<T> codec, T value) {
        BasicOutputBuffer out = new BasicOutputBuffer(512);
        codec.encode(new BsonBinaryWriter(out), value, ENCODE);
        return out.toByteArray();
    }

    private BsonBinaryReader reader() {
        return new BsonBinaryReader(ByteBuffer.wrap(bson));
    }

    @Benchmark
    public byte[] encodeTree() {
        return encode(trees, tree);
    }

    @Benchmark
    public byte[] encodeRecord() {
        return encode(records, record);
    }

    @Benchmark
    public byte[] encodeDocument() {
        return encode(documents, document);
    }

    @Benchmark
    public ObjectNode decodeTree() {
        return trees.decode(reader(), DECODE);
    }

    @Benchmark
    public Contact decodeRecord() {
        return records.decode(reader(), DECODE);
    }

    @Benchmark
    public Document decodeDocument() {
        return documents.decode(reader(), DECODE);
    }
}
