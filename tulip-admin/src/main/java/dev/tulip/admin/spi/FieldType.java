package dev.tulip.admin.spi;

/**
 * The kind of a field, which decides its input, its filters and the Java type of its values on
 * the {@link Backend} interface (in brackets).
 */
public enum FieldType {
    /** Text of any length ({@code String}). */
    TEXT,
    /** A whole number: int2, int4, int8, a MongoDB int or long ({@code Long}). */
    INTEGER,
    /** An exact decimal: numeric ({@code BigDecimal}). */
    DECIMAL,
    /** A floating point number: float4, float8, a MongoDB double ({@code Double}). */
    FLOAT,
    /** {@code Boolean}. */
    BOOLEAN,
    /** A date ({@code LocalDate}). */
    DATE,
    /** A time of day ({@code LocalTime}). */
    TIME,
    /** A date and time without a zone ({@code LocalDateTime}). */
    TIMESTAMP,
    /** An instant: timestamptz, a MongoDB date ({@code OffsetDateTime}, in UTC). */
    TIMESTAMPTZ,
    /** {@code UUID}. */
    UUID,
    /** One of {@link Field#enumValues()} ({@code String}). */
    ENUM,
    /** json, jsonb, a nested MongoDB document ({@code JsonNode}). */
    JSON,
    /** An array; its elements are of {@link Field#elementType()} ({@code List<Object>}). */
    ARRAY,
    /** Bytes: bytea, MongoDB binary ({@code byte[]}); shown by size, not edited. */
    BYTES,
    /** A PostgreSQL interval ({@code String}, PostgreSQL's own text form). */
    INTERVAL,
    /** A MongoDB ObjectId ({@code String}, its 24 hex digits). */
    OBJECT_ID,
    /** Anything else the backend can show as text but not edit ({@code String}). */
    OTHER
}
