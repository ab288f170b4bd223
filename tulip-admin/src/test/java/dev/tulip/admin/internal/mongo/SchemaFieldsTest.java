package dev.tulip.admin.internal.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The {@code $jsonSchema} mapping, on parsed schema documents: the embedded server accepts a
 * validator but neither keeps it (listCollections shows empty options) nor enforces it.
 */
class SchemaFieldsTest {
    private static final Values.Kind OBJECT_ID = new Values.Kind(FieldType.OBJECT_ID, "objectId");

    private static Found read(String schema) {
        return SchemaFields.read(Values.JSON.readTree(schema), OBJECT_ID);
    }

    private static Field field(Found found, String name) {
        return found.fields().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachBsonTypeMapsToItsFieldType() {
        Found found = read("""
                {"bsonType": "object", "properties": {
                  "s": {"bsonType": "string"}, "i": {"bsonType": "int"}, "l": {"bsonType": "long"},
                  "d": {"bsonType": "double"}, "m": {"bsonType": "decimal"}, "b": {"bsonType": "bool"},
                  "t": {"bsonType": "date"}, "o": {"bsonType": "objectId"}, "j": {"bsonType": "object"},
                  "a": {"bsonType": "array", "items": {"bsonType": "int"}}, "e": {"enum": ["low", "high"]},
                  "y": {"bsonType": "binData"}, "x": {"bsonType": "timestamp"}}}""");
        assertThat(found.fields())
                .extracting(Field::name, Field::type)
                .containsExactly(
                        tuple("_id", FieldType.OBJECT_ID),
                        tuple("s", FieldType.TEXT),
                        tuple("i", FieldType.INTEGER),
                        tuple("l", FieldType.INTEGER),
                        tuple("d", FieldType.FLOAT),
                        tuple("m", FieldType.DECIMAL),
                        tuple("b", FieldType.BOOLEAN),
                        tuple("t", FieldType.TIMESTAMPTZ),
                        tuple("o", FieldType.OBJECT_ID),
                        tuple("j", FieldType.JSON),
                        tuple("a", FieldType.ARRAY),
                        tuple("e", FieldType.ENUM),
                        tuple("y", FieldType.BYTES),
                        tuple("x", FieldType.OTHER));
        assertThat(field(found, "a").elementType()).contains(FieldType.INTEGER);
        assertThat(field(found, "e").enumValues()).containsExactly("low", "high");
        assertThat(found.bson())
                .containsEntry("i", "int")
                .containsEntry("l", "long")
                .containsEntry("a", "int");
    }

    @Test
    void requiredFieldsAreNotNullableUnlessTheyAllowNull() {
        Found found = read("""
                {"required": ["name", "nick"], "properties": {
                  "name": {"bsonType": "string"}, "nick": {"bsonType": ["string", "null"]}, "age": {"bsonType": "int"}}}""");
        assertThat(field(found, "name").nullable()).isFalse();
        assertThat(field(found, "nick").nullable()).isTrue();
        assertThat(field(found, "nick").type()).isEqualTo(FieldType.TEXT);
        assertThat(field(found, "age").nullable()).isTrue();
    }

    @Test
    void boundsLengthsAndPatternsBecomeRulesAndDescriptionsHelp() {
        Found found = read("""
                {"description": "people we know", "properties": {
                  "age": {"bsonType": "int", "minimum": 0, "maximum": 150, "description": "in years"},
                  "code": {"bsonType": "string", "minLength": 2, "maxLength": 8, "pattern": "^[A-Z]+$"}}}""");
        Field age = field(found, "age");
        assertThat(age.rules().min()).contains(new BigDecimal("0"));
        assertThat(age.rules().max()).contains(new BigDecimal("150"));
        assertThat(age.rules().constraint()).contains("$jsonSchema");
        assertThat(age.help()).contains("in years");
        Field code = field(found, "code");
        assertThat(code.rules().minLength()).isEqualTo(OptionalInt.of(2));
        assertThat(code.rules().maxLength()).isEqualTo(OptionalInt.of(8));
        assertThat(code.rules().pattern()).contains("^[A-Z]+$");
        assertThat(code.help()).isEmpty();
        assertThat(found.help()).contains("people we know");
    }

    @Test
    void aDeclaredStringIdIsAWritableKeyWithoutDefault() {
        Field id = field(read("{\"properties\": {\"_id\": {\"bsonType\": \"string\"}}}"), "_id");
        assertThat(id.type()).isEqualTo(FieldType.TEXT);
        assertThat(id.readOnly()).isFalse();
        assertThat(id.hasDefault()).isFalse();
        assertThat(id.nullable()).isFalse();
    }

    @Test
    void withoutADeclaredIdTheStoredIdsKindIsUsed() {
        Field id = field(read("{\"properties\": {\"name\": {\"bsonType\": \"string\"}}}"), "_id");
        assertThat(id.type()).isEqualTo(FieldType.OBJECT_ID);
        assertThat(id.readOnly()).isTrue();
        assertThat(id.hasDefault()).isTrue();
        assertThat(id.elementType()).isEqualTo(Optional.empty());
    }

    @Test
    void enumItemsOfAnArrayGiveItsAllowedValues() {
        JsonNode schema = Values.JSON.readTree(
                "{\"properties\": {\"tags\": {\"bsonType\": \"array\", \"items\": {\"enum\": [\"a\", \"b\"]}}}}");
        Field tags = field(SchemaFields.read(schema, OBJECT_ID), "tags");
        assertThat(tags.elementType()).contains(FieldType.ENUM);
        assertThat(tags.enumValues()).isEqualTo(List.of("a", "b"));
    }
}
