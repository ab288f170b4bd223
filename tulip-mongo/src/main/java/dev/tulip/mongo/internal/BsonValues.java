package dev.tulip.mongo.internal;

import dev.tulip.mongo.IdType;
import java.util.Collection;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.codecs.BsonValueCodec;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;

/** Values written into filters and updates through a collection's registry. */
public final class BsonValues {
    /** The driver's registry with Tulip's codecs and string ids, for rendering outside a collection. */
    public static final CodecRegistry DEFAULT_REGISTRY = Codecs.registry(IdType.STRING);

    private static final EncoderContext CONTEXT = EncoderContext.builder().build();
    private static final BsonValueCodec BSON_VALUES = new BsonValueCodec();

    private BsonValues() {}

    /** Writes a BSON value as it is. */
    public static void write(BsonWriter w, BsonValue v) {
        BSON_VALUES.encode(w, v, CONTEXT);
    }

    /** Writes {@code value}; ids (a string or a collection of them) by the registry's id codec. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void writeValue(BsonWriter w, Object value, CodecRegistry registry, boolean isId) {
        if (value == null) {
            w.writeNull();
        } else if (isId && value instanceof String s) {
            encode(w, new Codecs.IdValue(s), registry);
        } else if (isId && value instanceof JsonNode n && n.isString()) {
            encode(w, new Codecs.IdValue(n.asString()), registry);
        } else if (value instanceof Collection<?> c) {
            w.writeStartArray();
            for (Object item : c) writeValue(w, item, registry, isId);
            w.writeEndArray();
        } else if (value instanceof ObjectId oid) {
            w.writeObjectId(oid);
        } else if (value instanceof JsonNode n) {
            BsonTrees.writeValue(w, n, 1);
        } else {
            Codec codec = registry.get(value.getClass());
            codec.encode(w, value, CONTEXT);
        }
    }

    private static void encode(BsonWriter w, Codecs.IdValue id, CodecRegistry registry) {
        Codec<Codecs.IdValue> codec;
        try {
            codec = registry.get(Codecs.IdValue.class);
        } catch (CodecConfigurationException notACollectionRegistry) {
            codec = null; // a registry without Tulip's codecs: ids as plain strings
        }
        if (codec == null) w.writeString(id.id());
        else codec.encode(w, id, CONTEXT);
    }
}
