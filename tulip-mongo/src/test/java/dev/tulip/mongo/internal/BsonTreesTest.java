package dev.tulip.mongo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.mongo.IdType;
import dev.tulip.mongo.InvalidDocumentException;
import dev.tulip.mongo.InvalidIdException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonTimestamp;
import org.bson.BsonType;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The codec's rules, value by value, through real BSON documents. */
class BsonTreesTest {
    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    private static BsonDocument write(JsonNode doc, IdType ids) {
        BsonDocument out = new BsonDocument();
        BsonTrees.writeDocument(new BsonDocumentWriter(out), doc, ids);
        return out;
    }

    private static ObjectNode read(BsonDocument doc) {
        return BsonTrees.readDocument(new BsonDocumentReader(doc));
    }

    private static ObjectNode one(String name, JsonNode value) {
        ObjectNode o = N.objectNode();
        o.set(name, value);
        return o;
    }

    static Stream<Arguments> edgeValues() {
        return Stream.of(
                Arguments.of("int32 max", N.numberNode(Integer.MAX_VALUE), BsonType.INT32),
                Arguments.of("int32 min", N.numberNode(Integer.MIN_VALUE), BsonType.INT32),
                Arguments.of("int64 past int32", N.numberNode(Integer.MAX_VALUE + 1L), BsonType.INT64),
                Arguments.of("int64 max", N.numberNode(Long.MAX_VALUE), BsonType.INT64),
                Arguments.of("int64 min", N.numberNode(Long.MIN_VALUE), BsonType.INT64),
                Arguments.of("double", N.numberNode(0.1), BsonType.DOUBLE),
                Arguments.of("NaN", N.numberNode(Double.NaN), BsonType.DOUBLE),
                Arguments.of("infinity", N.numberNode(Double.NEGATIVE_INFINITY), BsonType.DOUBLE),
                Arguments.of("-0.0", N.numberNode(-0.0), BsonType.DOUBLE),
                Arguments.of(
                        "decimal", N.numberNode(new BigDecimal("12345678901234567890.123456789")), BsonType.DECIMAL128),
                Arguments.of("string", N.stringNode("héllo ☃ 𝄞"), BsonType.STRING),
                Arguments.of("empty string", N.stringNode(""), BsonType.STRING),
                Arguments.of("true", N.booleanNode(true), BsonType.BOOLEAN),
                Arguments.of("null", N.nullNode(), BsonType.NULL),
                Arguments.of("binary", N.binaryNode(new byte[] {0, 1, (byte) 255}), BsonType.BINARY),
                Arguments.of("date", N.pojoNode(Instant.parse("2026-12-01T10:00:00.123Z")), BsonType.DATE_TIME),
                Arguments.of(
                        "uuid", N.pojoNode(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")), BsonType.BINARY),
                Arguments.of("decimal128 NaN", N.pojoNode(Decimal128.NaN), BsonType.DECIMAL128),
                Arguments.of("decimal128 -0", N.pojoNode(Decimal128.NEGATIVE_ZERO), BsonType.DECIMAL128),
                Arguments.of("timestamp", N.pojoNode(new BsonTimestamp(42, 1)), BsonType.TIMESTAMP),
                Arguments.of(
                        "nested", one("a", N.arrayNode().add(1).add(one("b", N.stringNode("c")))), BsonType.DOCUMENT),
                Arguments.of("empty array", N.arrayNode(), BsonType.ARRAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeValues")
    void aValueRoundTripsWithItsBsonType(String what, JsonNode value, BsonType type) {
        BsonDocument bson = write(one("v", value), IdType.OBJECT_ID);
        assertThat(bson.get("v").getBsonType()).isEqualTo(type);
        JsonNode back = read(bson).get("v");
        assertThat(back).isEqualTo(value);
        if (value.isDouble()) // -0.0 and NaN: equal bits, not just equal values
        assertThat(Double.doubleToRawLongBits(back.doubleValue()))
                    .isEqualTo(Double.doubleToRawLongBits(value.doubleValue()));
    }

    @Test
    void aBigIntegerIsAnInt64WhenItFitsElseADecimal128() {
        BsonDocument fits = write(one("v", N.numberNode(BigInteger.valueOf(Long.MAX_VALUE))), IdType.STRING);
        assertThat(fits.get("v").getBsonType()).isEqualTo(BsonType.INT64);
        BsonDocument big = write(one("v", N.numberNode(BigInteger.TWO.pow(70))), IdType.STRING);
        assertThat(big.get("v").asDecimal128().getValue().bigDecimalValue())
                .isEqualTo(new BigDecimal(BigInteger.TWO.pow(70)));
    }

    @Test
    void aDecimalOfMoreThan34DigitsIsRefused() {
        assertThatThrownBy(() -> write(one("v", N.numberNode(new BigDecimal("1".repeat(40)))), IdType.STRING))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("Decimal128");
    }

    @Test
    void unicodeAndEmptyKeysRoundTrip() {
        ObjectNode doc = N.objectNode();
        doc.put("ключ", 1);
        doc.put("🔑", 2);
        doc.put("", 3);
        assertThat(read(write(doc, IdType.STRING))).isEqualTo(doc);
    }

    @Test
    void keysStartingWithDollarOrHoldingADotAreRefusedAtAnyDepth() {
        assertThatThrownBy(() -> write(one("$where", N.stringNode("1")), IdType.STRING))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("starts with '$'");
        assertThatThrownBy(() -> write(one("a", one("b.c", N.numberNode(1))), IdType.STRING))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("contains '.'");
        assertThatThrownBy(() -> write(one("a", N.arrayNode().add(one("$gt", N.stringNode("")))), IdType.STRING))
                .isInstanceOf(InvalidDocumentException.class);
    }

    private static JsonNode nested(int depth) {
        JsonNode n = N.numberNode(1);
        for (int i = 0; i < depth; i++) n = one("x", n);
        return n;
    }

    @Test
    void nestingUpToTheLimitIsKeptAndDeeperIsRefused() {
        ObjectNode ok = (ObjectNode) nested(BsonTrees.MAX_DEPTH - 1);
        assertThat(read(write(ok, IdType.STRING))).isEqualTo(ok);
        assertThatThrownBy(() -> write(nested(BsonTrees.MAX_DEPTH + 1), IdType.STRING))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("at most 100 levels");
    }

    @Test
    void theIdIsStoredAsUnderscoreIdAndReadBackAsIdFirst() {
        String hex = new ObjectId().toHexString();
        ObjectNode doc = N.objectNode();
        doc.put("name", "Ada");
        doc.put("id", hex);
        BsonDocument bson = write(doc, IdType.OBJECT_ID);
        assertThat(bson.getFirstKey()).isEqualTo("_id");
        assertThat(bson.get("_id").asObjectId().getValue().toHexString()).isEqualTo(hex);
        assertThat(bson.containsKey("id")).isFalse();
        ObjectNode back = read(bson);
        assertThat(back.propertyNames().iterator().next()).isEqualTo("id");
        assertThat(back.get("id").asString()).isEqualTo(hex);
        assertThat(back.has("_id")).isFalse();
    }

    @Test
    void anUnderscoreIdGivenByTheCallerIsTakenToo() {
        BsonDocument bson = write(one("_id", N.stringNode("42")), IdType.STRING);
        assertThat(bson.getString("_id").getValue()).isEqualTo("42");
    }

    @Test
    void bothIdAndUnderscoreIdIsRefused() {
        ObjectNode doc = one("id", N.stringNode("a"));
        doc.put("_id", "b");
        assertThatThrownBy(() -> write(doc, IdType.STRING)).isInstanceOf(InvalidDocumentException.class);
    }

    @Test
    void aMalformedObjectIdIsAnInvalidIdException() {
        assertThatThrownBy(() -> write(one("id", N.stringNode("42")), IdType.OBJECT_ID))
                .isInstanceOf(InvalidIdException.class)
                .hasMessageContaining("'42' is not an id");
    }

    @Test
    void stringIdsMustBeStrings() {
        assertThatThrownBy(() -> write(one("id", N.numberNode(42)), IdType.STRING))
                .isInstanceOf(InvalidIdException.class)
                .hasMessageContaining("must be a string");
    }

    @Test
    void aNestedObjectIdIsShownAsItsHexString() {
        ObjectId oid = new ObjectId();
        BsonDocument bson = new BsonDocument("ref", new org.bson.BsonObjectId(oid));
        assertThat(read(bson).get("ref").asString()).isEqualTo(oid.toHexString());
    }

    @Test
    void aDocumentMustBeAnObject() {
        assertThatThrownBy(() -> write(N.arrayNode(), IdType.STRING))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("JSON object");
    }
}
