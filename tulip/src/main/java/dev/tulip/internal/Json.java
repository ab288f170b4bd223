package dev.tulip.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The default JSON mapper: strict about shape and scalar types (no coercion between strings,
 * numbers and booleans, no float truncated to an int, duplicate keys and unknown fields refused),
 * bounded in size.
 */
public final class Json {
    /** Read limits of the default mapper; the body-size limit bounds the document as a whole. */
    public static final int MAX_NESTING_DEPTH = 128;

    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_NAME_LENGTH = 10_000;

    /**
     * A new mapper of the default kind: strict about shape, bounded in size, with buffers pooled
     * per event loop. One per app, so no buffer pool is shared between apps.
     */
    public static JsonMapper newDefaultMapper() {
        return JsonMapper.builder(JsonFactory.builder()
                        .recyclerPool(new JsonBufferPool())
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_NESTING_DEPTH)
                                .maxNumberLength(MAX_NUMBER_LENGTH)
                                .maxStringLength(MAX_STRING_LENGTH)
                                .maxNameLength(MAX_NAME_LENGTH)
                                .build())
                        .build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                // no silent conversions: "3" is not 3, 3.7 is not 3, 123 is not "123", 1 is not true
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                // an object with nothing to encode is a mistake (fields without accessors), not "{}"
                .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // a primitive absent from the body is an error, like an explicit null, not a silent 0/false
                .withConfigOverride(int.class, Json::failOnNull)
                .withConfigOverride(long.class, Json::failOnNull)
                .withConfigOverride(double.class, Json::failOnNull)
                .withConfigOverride(float.class, Json::failOnNull)
                .withConfigOverride(boolean.class, Json::failOnNull)
                .withConfigOverride(short.class, Json::failOnNull)
                .withConfigOverride(byte.class, Json::failOnNull)
                .withConfigOverride(char.class, Json::failOnNull)
                .build();
    }

    private static void failOnNull(tools.jackson.databind.cfg.MutableConfigOverride o) {
        o.setNullHandling(com.fasterxml.jackson.annotation.JsonSetter.Value.forValueNulls(
                com.fasterxml.jackson.annotation.Nulls.FAIL));
    }

    private Json() {}
}
