package dev.tulip.mongo.internal;

import com.mongodb.MongoClientSettings;
import dev.tulip.mongo.IdType;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The codecs of one collection: Jackson trees, records (and other Jackson-mapped classes) and id
 * values with the collection's {@link IdType}, ahead of the driver's own (so {@code Document} works
 * as the driver has it).
 */
public final class Codecs implements CodecProvider {
    /** The mapper records go through: dates, ObjectIds, UUIDs and Decimal128s stay themselves in the tree. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("tulip-mongo")
                    .addSerializer(Instant.class, new Embedded<>(Instant.class))
                    .addSerializer(Date.class, new Embedded<>(Date.class))
                    .addSerializer(ObjectId.class, new Embedded<>(ObjectId.class))
                    .addSerializer(UUID.class, new Embedded<>(UUID.class))
                    .addSerializer(Decimal128.class, new Embedded<>(Decimal128.class)))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final IdType ids;

    private Codecs(IdType ids) {
        this.ids = ids;
    }

    /** The registry of a collection whose ids are {@code ids}. */
    public static CodecRegistry registry(IdType ids) {
        return CodecRegistries.fromRegistries(
                CodecRegistries.fromProviders(new Codecs(ids)), MongoClientSettings.getDefaultCodecRegistry());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Codec<T> get(Class<T> type, CodecRegistry registry) {
        if (type == IdValue.class) return (Codec<T>) new IdValueCodec(ids);
        if (JsonNode.class.isAssignableFrom(type)) return new TreeCodec(type, ids);
        if (type.isRecord()) return new JacksonCodec<>(type, ids, MAPPER);
        return null;
    }

    /** An id in a filter: its stored form depends on the collection's {@link IdType}. */
    public record IdValue(String id) {}

    private record IdValueCodec(IdType ids) implements Codec<IdValue> {
        @Override
        public void encode(BsonWriter writer, IdValue value, EncoderContext context) {
            BsonTrees.writeId(writer, JsonNodeFactory.instance.stringNode(value.id()), ids);
        }

        @Override
        public IdValue decode(BsonReader reader, DecoderContext context) {
            throw new UnsupportedOperationException("id values are only written");
        }

        @Override
        public Class<IdValue> getEncoderClass() {
            return IdValue.class;
        }
    }

    /** Writes a value as an embedded object, which a tree keeps as a POJO node. */
    private static final class Embedded<T> extends ValueSerializer<T> {
        private final Class<T> type;

        Embedded(Class<T> type) {
            this.type = type;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeEmbeddedObject(value);
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
