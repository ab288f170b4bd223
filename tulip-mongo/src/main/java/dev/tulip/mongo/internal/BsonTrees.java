package dev.tulip.mongo.internal;

import dev.tulip.mongo.IdType;
import dev.tulip.mongo.InvalidDocumentException;
import dev.tulip.mongo.InvalidIdException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

/**
 * Jackson trees to BSON and back, streaming (no intermediate document). The rules, one place:
 * <ul>
 *   <li>the top-level {@code _id} is shown as {@code id}, first; an ObjectId anywhere is shown as its
 *       24-hex string; a top-level {@code id} (or {@code _id}) is written as {@code _id} by the
 *       collection's {@link IdType};</li>
 *   <li>int32/int64/double/boolean/null/string map to the Jackson node of the same kind; a
 *       {@code BigDecimal} is a Decimal128 (34 digits at most), a {@code BigInteger} an int64 when
 *       it fits, else a Decimal128; binary data a {@code BinaryNode} (subtype 4 a {@link UUID});
 *       dates a {@link Instant} in a POJO node, so they come back as dates;</li>
 *   <li>field names written must not start with {@code $}, contain {@code .} or NUL; documents are
 *       nested at most {@value #MAX_DEPTH} deep (MongoDB's own limit), both ways.</li>
 * </ul>
 * BSON types JSON has no counterpart for (timestamps, regexes, min/max keys, code) are kept as
 * {@link BsonValue}s in POJO nodes, so a document read and written again keeps them.
 */
public final class BsonTrees {
    /** MongoDB refuses documents nested deeper than 100 levels; refuse them here first, with a message. */
    public static final int MAX_DEPTH = 100;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BsonValueCodec BSON_VALUES = new BsonValueCodec();

    private BsonTrees() {}

    // ---- writing

    /** Writes {@code doc} as a top-level document, its id by {@code ids}. */
    public static void writeDocument(BsonWriter w, JsonNode doc, IdType ids) {
        if (!doc.isObject()) throw new InvalidDocumentException("a document must be a JSON object, got " + kind(doc));
        JsonNode id = present(doc.get("id"));
        JsonNode rawId = present(doc.get("_id"));
        if (id != null && rawId != null)
            throw new InvalidDocumentException("a document has both 'id' and '_id'; give one of them");
        w.writeStartDocument();
        if (id != null || rawId != null) {
            w.writeName("_id");
            writeId(w, id != null ? id : rawId, ids);
        }
        for (Map.Entry<String, JsonNode> e : doc.properties()) {
            String name = e.getKey();
            if (name.equals("id") || name.equals("_id")) continue;
            if (e.getValue().isMissingNode()) continue;
            w.writeName(FieldNames.stored(name));
            writeValue(w, e.getValue(), 1);
        }
        w.writeEndDocument();
    }

    private static JsonNode present(JsonNode id) {
        return id == null || id.isNull() || id.isMissingNode() ? null : id; // a record's null id: let one be generated
    }

    /** Writes an id value as {@code ids} says; a malformed one is an {@link InvalidIdException}. */
    public static void writeId(BsonWriter w, JsonNode id, IdType ids) {
        if (id.isPojo() && ((POJONode) id).getPojo() instanceof ObjectId oid) {
            w.writeObjectId(oid);
            return;
        }
        switch (ids) {
            case OBJECT_ID -> w.writeObjectId(Ids.objectId(id.isString() ? id.asString() : null, Ids.shown(id)));
            case STRING -> {
                if (!id.isString()) throw new InvalidIdException("an id must be a string, got " + kind(id));
                w.writeString(id.asString());
            }
        }
    }

    static void writeValue(BsonWriter w, JsonNode v, int depth) {
        switch (v.getNodeType()) {
            case OBJECT -> {
                checkDepth(depth);
                w.writeStartDocument();
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    if (e.getValue().isMissingNode()) continue;
                    w.writeName(FieldNames.stored(e.getKey()));
                    writeValue(w, e.getValue(), depth + 1);
                }
                w.writeEndDocument();
            }
            case ARRAY -> {
                checkDepth(depth);
                w.writeStartArray();
                for (JsonNode item : v.values()) writeValue(w, item, depth + 1);
                w.writeEndArray();
            }
            case STRING -> w.writeString(v.asString());
            case BOOLEAN -> w.writeBoolean(v.booleanValue());
            case NULL -> w.writeNull();
            case NUMBER -> writeNumber(w, v);
            case BINARY -> w.writeBinaryData(new BsonBinary(v.binaryValue()));
            case POJO -> writePojo(w, ((POJONode) v).getPojo(), depth);
            case MISSING -> w.writeNull();
        }
    }

    private static void writeNumber(BsonWriter w, JsonNode v) {
        switch (v.numberType()) {
            case INT -> w.writeInt32(v.intValue());
            case LONG -> w.writeInt64(v.longValue());
            case FLOAT, DOUBLE -> w.writeDouble(v.doubleValue());
            case BIG_INTEGER -> {
                BigInteger b = v.bigIntegerValue();
                if (b.bitLength() < 64) w.writeInt64(b.longValue());
                else w.writeDecimal128(decimal(new BigDecimal(b)));
            }
            case BIG_DECIMAL -> w.writeDecimal128(decimal(v.decimalValue()));
        }
    }

    private static Decimal128 decimal(BigDecimal d) {
        try {
            return new Decimal128(d);
        } catch (NumberFormatException e) {
            throw new InvalidDocumentException("the number " + d.toPlainString()
                    + " does not fit a Decimal128 (34 significant digits, exponent -6176..6111)");
        }
    }

    private static void writePojo(BsonWriter w, Object pojo, int depth) {
        switch (pojo) {
            case null -> w.writeNull();
            case Instant t -> w.writeDateTime(t.toEpochMilli());
            case Date d -> w.writeDateTime(d.getTime());
            case ObjectId oid -> w.writeObjectId(oid);
            case Decimal128 d -> w.writeDecimal128(d);
            case BigDecimal d -> w.writeDecimal128(decimal(d));
            case UUID u -> w.writeBinaryData(new BsonBinary(u, UuidRepresentation.STANDARD));
            case byte[] b -> w.writeBinaryData(new BsonBinary(b));
            case BsonValue b ->
                BSON_VALUES.encode(w, b, EncoderContext.builder().build());
            case JsonNode n -> writeValue(w, n, depth);
            default ->
                throw new InvalidDocumentException("cannot store a "
                        + pojo.getClass().getName() + " in a document; convert it to JSON values first");
        }
    }

    private static void checkDepth(int depth) {
        if (depth >= MAX_DEPTH)
            throw new InvalidDocumentException("documents may be nested at most " + MAX_DEPTH + " levels deep");
    }

    // ---- reading

    /** Reads a top-level document: {@code _id} becomes {@code id}, first. */
    public static ObjectNode readDocument(BsonReader r) {
        ObjectNode out = NODES.objectNode();
        r.readStartDocument();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = r.readName();
            if (name.equals("_id")) {
                JsonNode id = readValue(r, 1);
                if (out.isEmpty()) out.set("id", id);
                else out = withIdFirst(out, id);
            } else {
                out.set(name, readValue(r, 1));
            }
        }
        r.readEndDocument();
        return out;
    }

    private static ObjectNode withIdFirst(ObjectNode rest, JsonNode id) {
        ObjectNode out = NODES.objectNode();
        out.set("id", id);
        out.setAll(rest);
        return out;
    }

    static JsonNode readValue(BsonReader r, int depth) {
        BsonType type = r.getCurrentBsonType();
        return switch (type) {
            case DOCUMENT -> {
                checkDepth(depth);
                ObjectNode o = NODES.objectNode();
                r.readStartDocument();
                while (r.readBsonType() != BsonType.END_OF_DOCUMENT) o.set(r.readName(), readValue(r, depth + 1));
                r.readEndDocument();
                yield o;
            }
            case ARRAY -> {
                checkDepth(depth);
                ArrayNode a = NODES.arrayNode();
                r.readStartArray();
                while (r.readBsonType() != BsonType.END_OF_DOCUMENT) a.add(readValue(r, depth + 1));
                r.readEndArray();
                yield a;
            }
            case STRING -> NODES.stringNode(r.readString());
            case INT32 -> NODES.numberNode(r.readInt32());
            case INT64 -> NODES.numberNode(r.readInt64());
            case DOUBLE -> NODES.numberNode(r.readDouble());
            case BOOLEAN -> NODES.booleanNode(r.readBoolean());
            case NULL -> {
                r.readNull();
                yield NODES.nullNode();
            }
            case OBJECT_ID -> NODES.stringNode(r.readObjectId().toHexString());
            case DATE_TIME -> NODES.pojoNode(Instant.ofEpochMilli(r.readDateTime()));
            case DECIMAL128 -> {
                Decimal128 d = r.readDecimal128();
                yield d.isFinite() ? decimalNode(d) : NODES.pojoNode(d);
            }
            case BINARY -> {
                BsonBinary b = r.readBinaryData();
                yield b.getType() == BsonBinarySubType.UUID_STANDARD.getValue()
                        ? NODES.pojoNode(b.asUuid())
                        : NODES.binaryNode(b.getData());
            }
            default ->
                NODES.pojoNode(BSON_VALUES.decode(r, DecoderContext.builder().build()));
        };
    }

    private static JsonNode decimalNode(Decimal128 d) {
        try {
            return NODES.numberNode(d.bigDecimalValue());
        } catch (ArithmeticException negativeZero) { // BigDecimal has no -0: keep the Decimal128
            return NODES.pojoNode(d);
        }
    }

    static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
