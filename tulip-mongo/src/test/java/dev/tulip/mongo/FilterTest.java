package dev.tulip.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.mongo.internal.Codecs;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Filters render to exactly the BSON they say, and user input never becomes an operator. */
class FilterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String render(Filter f, IdType ids) {
        return f.toBsonDocument(BsonDocument.class, Codecs.registry(ids)).toJson();
    }

    private static String render(Filter f) {
        return render(f, IdType.STRING);
    }

    private static JsonNode json(String s) {
        return JSON.readTree(s);
    }

    @Test
    void eqComparesWithDollarEqSoTheValueIsNeverAnOperator() {
        assertThat(render(Filter.eq("name", "Ada"))).isEqualTo("{\"name\": {\"$eq\": \"Ada\"}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$ne\": null}", "{\"$gt\": \"\"}", "{\"$where\": \"sleep(1000)\"}"})
    void aUserStringThatLooksLikeAnOperatorStaysAString(String input) {
        BsonDocument d = Filter.eq("name", input).toBsonDocument(BsonDocument.class, Codecs.registry(IdType.STRING));
        assertThat(d.getDocument("name").keySet()).containsExactly("$eq");
        assertThat(d.getDocument("name").getString("$eq").getValue()).isEqualTo(input);
    }

    @Test
    void aUserMapWithOperatorKeysIsComparedAsADocumentNotRun() {
        BsonDocument d = Filter.eq("name", Map.of("$ne", "x"))
                .toBsonDocument(BsonDocument.class, Codecs.registry(IdType.STRING));
        assertThat(d.getDocument("name").keySet()).containsExactly("$eq");
        assertThat(d.getDocument("name").getDocument("$eq").getString("$ne").getValue())
                .isEqualTo("x");
    }

    @Test
    void aUserTreeWithOperatorKeysIsRefused() {
        assertThatThrownBy(() -> render(Filter.eq("name", json("{\"$ne\": null}"))))
                .isInstanceOf(InvalidDocumentException.class);
    }

    @Test
    void idMeansUnderscoreIdConvertedByTheIdType() {
        String hex = "65a1b2c3d4e5f60718293a4b";
        assertThat(render(Filter.id(hex), IdType.OBJECT_ID))
                .isEqualTo("{\"_id\": {\"$eq\": {\"$oid\": \"" + hex + "\"}}}");
        assertThat(render(Filter.id("42"), IdType.STRING)).isEqualTo("{\"_id\": {\"$eq\": \"42\"}}");
        assertThat(render(Filter.ids(List.of("a1", "b2")))).isEqualTo("{\"_id\": {\"$in\": [\"a1\", \"b2\"]}}");
    }

    @Test
    void aMalformedObjectIdIsRefusedWhenRendered() {
        assertThatThrownBy(() -> render(Filter.id("zz"), IdType.OBJECT_ID)).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void andOrAndComparisonsCompose() {
        Filter f = Filter.and(Filter.gte("age", 18), Filter.or(Filter.lt("a.b", 3), Filter.exists("c", false)));
        assertThat(render(f))
                .isEqualTo(
                        "{\"$and\": [{\"age\": {\"$gte\": 18}}, {\"$or\": [{\"a.b\": {\"$lt\": 3}}, {\"c\": {\"$exists\": false}}]}]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$where", "a.$x", "", "a..b", "a\0b"})
    void pathsThatWouldBeOperatorsOrAreMalformedAreRefused(String path) {
        assertThatThrownBy(() -> Filter.eq(path, 1)).isInstanceOf(UnsafeQueryException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$where", "a.b", "", "x\0"})
    void userFieldNamesAreChecked(String name) {
        assertThatThrownBy(() -> Filter.userField(name))
                .isInstanceOf(UnsafeQueryException.class)
                .satisfies(e -> assertThat(((UnsafeQueryException) e).status()).isEqualTo(400));
    }

    @Test
    void fromJsonComparesEachFieldForEquality() {
        assertThat(render(Filter.fromJson(json("{\"name\": \"Ada\", \"tags\": [\"x\"]}"))))
                .isEqualTo("{\"$and\": [{\"name\": {\"$eq\": \"Ada\"}}, {\"tags\": {\"$eq\": [\"x\"]}}]}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\": {\"$ne\": null}}",
                "{\"name\": {\"$gt\": \"\"}}",
                "{\"$where\": \"1\"}",
                "{\"a\": [{\"$regex\": \".\"}]}",
                "{\"a.b\": 1}",
                "[1]"
            })
    void fromJsonRefusesOperatorsAndDottedOrDollarFields(String input) {
        assertThatThrownBy(() -> Filter.fromJson(json(input))).isInstanceOf(UnsafeQueryException.class);
    }
}
