package dev.tulip.mongo.internal;

import dev.tulip.mongo.IdType;
import dev.tulip.mongo.InvalidDocumentException;
import java.math.BigDecimal;
import java.time.Instant;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.DecoderContext;
import org.bson.types.Decimal128;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Records to BSON and back without a tree in between: Jackson's token stream (a
 * {@link TokenBuffer}) written to a {@link BsonWriter}, and a {@link BsonReader} read into a token
 * buffer, by {@link BsonTrees}'s rules (the same bytes, checked by {@code CodecBenchmark}).
 */
final class TokenStreams {
    private static final BsonValueCodec BSON_VALUES = new BsonValueCodec();

    private TokenStreams() {}

    /** Writes the tokens of one object (as {@code writeValueIntoBuffer} left them) as a top-level document. */
    static void writeDocument(JsonParser p, BsonWriter w, IdType ids) {
        if (p.nextToken() != JsonToken.START_OBJECT)
            throw new InvalidDocumentException("a document must map to a JSON object");
        w.writeStartDocument();
        boolean seenId = false;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("id") || name.equals("_id")) {
                if (v == JsonToken.VALUE_NULL) continue; // a record's null id: let one be generated
                if (seenId) throw new InvalidDocumentException("a document has both 'id' and '_id'; give one of them");
                seenId = true;
                w.writeName("_id");
                BsonTrees.writeId(w, scalar(p, v), ids);
                continue;
            }
            w.writeName(FieldNames.stored(name));
            writeValue(p, v, w, 1);
        }
        w.writeEndDocument();
    }

    private static JsonNode scalar(JsonParser p, JsonToken v) {
        return switch (v) {
            case VALUE_STRING -> JsonNodeFactory.instance.stringNode(p.getString());
            case VALUE_EMBEDDED_OBJECT -> JsonNodeFactory.instance.pojoNode(p.getEmbeddedObject());
            case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(p.getLongValue());
            default -> JsonNodeFactory.instance.stringNode(p.getString());
        };
    }

    private static void writeValue(JsonParser p, JsonToken t, BsonWriter w, int depth) {
        switch (t) {
            case START_OBJECT -> {
                check(depth);
                w.writeStartDocument();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    w.writeName(FieldNames.stored(p.currentName()));
                    writeValue(p, p.nextToken(), w, depth + 1);
                }
                w.writeEndDocument();
            }
            case START_ARRAY -> {
                check(depth);
                w.writeStartArray();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken())
                    writeValue(p, n, w, depth + 1);
                w.writeEndArray();
            }
            case VALUE_STRING -> w.writeString(p.getString());
            case VALUE_TRUE -> w.writeBoolean(true);
            case VALUE_FALSE -> w.writeBoolean(false);
            case VALUE_NULL -> w.writeNull();
            case VALUE_NUMBER_INT -> {
                switch (p.getNumberType()) {
                    case INT -> w.writeInt32(p.getIntValue());
                    case LONG -> w.writeInt64(p.getLongValue());
                    default ->
                        BsonTrees.writeValue(w, JsonNodeFactory.instance.numberNode(p.getBigIntegerValue()), depth);
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL)
                    BsonTrees.writeValue(w, JsonNodeFactory.instance.numberNode(p.getDecimalValue()), depth);
                else w.writeDouble(p.getDoubleValue());
            }
            case VALUE_EMBEDDED_OBJECT -> {
                Object o = p.getEmbeddedObject();
                BsonTrees.writeValue(
                        w,
                        o instanceof byte[] b
                                ? JsonNodeFactory.instance.binaryNode(b)
                                : JsonNodeFactory.instance.pojoNode(o),
                        depth);
            }
            default -> throw new IllegalStateException("unexpected token " + t);
        }
    }

    /** Reads a top-level document into {@code out}: {@code _id} as {@code id}. */
    static void readDocument(BsonReader r, TokenBuffer out) {
        r.readStartDocument();
        out.writeStartObject();
        while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String name = r.readName();
            out.writeName(name.equals("_id") ? "id" : name);
            readValue(r, out, 1);
        }
        r.readEndDocument();
        out.writeEndObject();
    }

    private static void readValue(BsonReader r, TokenBuffer out, int depth) {
        switch (r.getCurrentBsonType()) {
            case DOCUMENT -> {
                check(depth);
                r.readStartDocument();
                out.writeStartObject();
                while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    out.writeName(r.readName());
                    readValue(r, out, depth + 1);
                }
                r.readEndDocument();
                out.writeEndObject();
            }
            case ARRAY -> {
                check(depth);
                r.readStartArray();
                out.writeStartArray();
                while (r.readBsonType() != BsonType.END_OF_DOCUMENT) readValue(r, out, depth + 1);
                r.readEndArray();
                out.writeEndArray();
            }
            case STRING -> out.writeString(r.readString());
            case INT32 -> out.writeNumber(r.readInt32());
            case INT64 -> out.writeNumber(r.readInt64());
            case DOUBLE -> out.writeNumber(r.readDouble());
            case BOOLEAN -> out.writeBoolean(r.readBoolean());
            case NULL -> {
                r.readNull();
                out.writeNull();
            }
            case OBJECT_ID -> out.writeString(r.readObjectId().toHexString());
            case DATE_TIME -> out.writeEmbeddedObject(Instant.ofEpochMilli(r.readDateTime()));
            case DECIMAL128 -> {
                Decimal128 d = r.readDecimal128();
                BigDecimal b = null;
                try {
                    if (d.isFinite()) b = d.bigDecimalValue();
                } catch (ArithmeticException negativeZero) { // BigDecimal has no -0: keep the Decimal128
                }
                if (b != null) out.writeNumber(b);
                else out.writeEmbeddedObject(d);
            }
            case BINARY -> {
                BsonBinary b = r.readBinaryData();
                if (b.getType() == BsonBinarySubType.UUID_STANDARD.getValue()) out.writeEmbeddedObject(b.asUuid());
                else out.writeBinary(b.getData());
            }
            default ->
                out.writeEmbeddedObject(
                        BSON_VALUES.decode(r, DecoderContext.builder().build()));
        }
    }

    private static void check(int depth) {
        if (depth >= BsonTrees.MAX_DEPTH)
            throw new InvalidDocumentException(
                    "documents may be nested at most " + BsonTrees.MAX_DEPTH + " levels deep");
    }
}
