package dev.tulip.admin.internal.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * The field of a document validation failure (121), from the write error's details as MongoDB 5
 * and later give them (the embedded server does not validate, so these are its documented shapes).
 */
class ViolationsTest {

    @Test
    void aMissingRequiredPropertyIsNamed() {
        BsonDocument details = BsonDocument.parse("""
                {"failingDocumentId": 1, "details": {"operatorName": "$jsonSchema", "schemaRulesNotSatisfied": [
                  {"operatorName": "required", "specifiedAs": {"required": ["name", "email"]},
                   "missingProperties": ["email"]}]}}""");
        assertThat(Violations.first(details, "missingProperties")).contains("email");
    }

    @Test
    void aPropertyThatFailsItsRuleIsNamed() {
        BsonDocument details = BsonDocument.parse("""
                {"details": {"operatorName": "$jsonSchema", "schemaRulesNotSatisfied": [
                  {"operatorName": "properties", "propertiesNotSatisfied": [
                    {"propertyName": "age", "details": [{"operatorName": "minimum", "specifiedAs": {"minimum": 0}}]}]}]}}""");
        assertThat(Violations.first(details, "missingProperties")).isEmpty();
        assertThat(Violations.first(details, "propertyName")).contains("age");
    }
}
