package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.FieldType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A type from {@code pg_type}, and what the admin makes of it.
 *
 * @param kind {@code typtype}: b base, e enum, d domain, ...
 * @param base a domain's base type, else 0
 * @param element an array's element type, else 0
 * @param notNull a domain's NOT NULL
 * @param typmod a domain's type modifier (its varchar length)
 * @param labels an enum's labels in sort order
 * @param checks a domain's CHECK constraints, name to definition
 */
record PgType(
        long oid,
        String name,
        String schema,
        String kind,
        long base,
        long element,
        boolean notNull,
        int typmod,
        List<String> labels,
        Map<String, String> checks) {

    private static final Map<String, FieldType> BUILT_IN = Map.ofEntries(
            Map.entry("int2", FieldType.INTEGER),
            Map.entry("int4", FieldType.INTEGER),
            Map.entry("int8", FieldType.INTEGER),
            Map.entry("numeric", FieldType.DECIMAL),
            Map.entry("float4", FieldType.FLOAT),
            Map.entry("float8", FieldType.FLOAT),
            Map.entry("text", FieldType.TEXT),
            Map.entry("varchar", FieldType.TEXT),
            Map.entry("bpchar", FieldType.TEXT),
            Map.entry("name", FieldType.TEXT),
            Map.entry("citext", FieldType.TEXT),
            Map.entry("bool", FieldType.BOOLEAN),
            Map.entry("bytea", FieldType.BYTES),
            Map.entry("uuid", FieldType.UUID),
            Map.entry("date", FieldType.DATE),
            Map.entry("time", FieldType.TIME),
            Map.entry("timestamp", FieldType.TIMESTAMP),
            Map.entry("timestamptz", FieldType.TIMESTAMPTZ),
            Map.entry("interval", FieldType.INTERVAL),
            Map.entry("json", FieldType.JSON),
            Map.entry("jsonb", FieldType.JSON));

    /** The types the client decodes itself; the others are read as text. */
    private static final Set<String> DECODED = Set.of(
            "int2",
            "int4",
            "int8",
            "numeric",
            "float4",
            "float8",
            "text",
            "varchar",
            "bpchar",
            "name",
            "bool",
            "bytea",
            "uuid",
            "date",
            "time",
            "timestamp",
            "timestamptz",
            "json",
            "jsonb");

    boolean isDomain() {
        return kind.equals("d");
    }

    boolean isArray() {
        return element != 0;
    }

    /** The kind of a value of this (non-domain, non-array) type. */
    FieldType fieldType() {
        if (kind.equals("e")) return FieldType.ENUM;
        FieldType t = schema.equals("pg_catalog") || name.equals("citext") ? BUILT_IN.get(name) : null;
        return t == null ? FieldType.OTHER : t;
    }

    /** Whether the client decodes it (else it is read as text). */
    boolean decoded() {
        return schema.equals("pg_catalog") && DECODED.contains(name);
    }

    /** {@code "schema"."name"}, from catalog names. */
    String qualified() {
        return Sql.qualified(schema, name);
    }
}
