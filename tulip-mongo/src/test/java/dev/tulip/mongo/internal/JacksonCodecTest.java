package dev.tulip.mongo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.mongo.IdType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonType;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.junit.jupiter.api.Test;

/** Records through the codec: every field keeps its BSON type. */
class JacksonCodecTest {
    record Line(String sku, int qty) {}

    record Order(String id, Instant at, BigDecimal total, byte[] sig, UUID ref, List<Line> lines, long big) {}

    private final JacksonCodec<Order> codec = new JacksonCodec<>(Order.class, IdType.OBJECT_ID, Codecs.MAPPER);

    @Test
    void aRecordRoundTripsWithDatesDecimalsBinaryAndNestedRecords() {
        Order o = new Order(
                "65a1b2c3d4e5f60718293a4b",
                Instant.parse("2026-12-01T10:00:00.123Z"),
                new BigDecimal("19.99"),
                new byte[] {1, 2, 3},
                UUID.randomUUID(),
                List.of(new Line("a", 1), new Line("b", 2)),
                Long.MAX_VALUE);
        BsonDocument bson = new BsonDocument();
        codec.encode(new BsonDocumentWriter(bson), o, EncoderContext.builder().build());

        assertThat(bson.get("_id").getBsonType()).isEqualTo(BsonType.OBJECT_ID);
        assertThat(bson.get("at").getBsonType()).isEqualTo(BsonType.DATE_TIME);
        assertThat(bson.get("total").getBsonType()).isEqualTo(BsonType.DECIMAL128);
        assertThat(bson.get("sig").getBsonType()).isEqualTo(BsonType.BINARY);
        assertThat(bson.get("ref").asBinary().getType()).isEqualTo((byte) 4);
        assertThat(bson.get("lines")
                        .asArray()
                        .get(1)
                        .asDocument()
                        .getInt32("qty")
                        .getValue())
                .isEqualTo(2);
        assertThat(bson.get("big").getBsonType()).isEqualTo(BsonType.INT64);

        Order back = codec.decode(
                new BsonDocumentReader(bson), DecoderContext.builder().build());
        assertThat(back.id()).isEqualTo(o.id());
        assertThat(back.at()).isEqualTo(o.at());
        assertThat(back.total()).isEqualTo(o.total());
        assertThat(back.sig()).isEqualTo(o.sig());
        assertThat(back.ref()).isEqualTo(o.ref());
        assertThat(back.lines()).isEqualTo(o.lines());
        assertThat(back.big()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void storedFieldsARecordDoesNotHaveAreIgnored() {
        BsonDocument bson = BsonDocument.parse("{\"_id\": \"x\", \"sku\": \"a\", \"qty\": 3, \"extra\": true}");
        Line line = new JacksonCodec<>(Line.class, IdType.STRING, Codecs.MAPPER)
                .decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
        assertThat(line).isEqualTo(new Line("a", 3));
    }
}
