package dev.tulip.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What docs/guide/mongo.md says the embedded server does differently from MongoDB, checked. */
class EmbeddedDifferencesIT {
    private static MongoApp m;

    @BeforeAll
    static void start() {
        m = MongoApp.start();
        m.mongo.collection("d").insertOne(JsonNodeFactory.instance.objectNode().put("t", "hello world"));
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    @Test
    void textSearchIsNotThere() {
        assertThatThrownBy(() -> m.mongo
                        .collection("d")
                        .find(Filter.bson(Filters.text("hello")))
                        .list(1))
                .isInstanceOf(MongoFailure.class);
    }

    @Test
    void theHelloCommandFails() {
        assertThatThrownBy(() -> m.mongo.database().command(new Document("hello", 1)))
                .isInstanceOf(MongoFailure.class);
    }

    @Test
    void itSpeaksWireVersion8() {
        ObjectNode reply = m.mongo.database().command(new Document("isMaster", 1));
        assertThat(reply.get("maxWireVersion").asInt()).isEqualTo(8);
    }

    @Test
    void lookupAndFacetWork() {
        List<ObjectNode> out = m.mongo
                .collection("d")
                .aggregate(
                        List.of(
                                Aggregates.lookup("d", "t", "t", "same"),
                                Aggregates.facet(new com.mongodb.client.model.Facet("n", Aggregates.count()))),
                        ObjectNode.class,
                        10);
        assertThat(out.get(0).get("n").get(0).get("count").asInt()).isEqualTo(1);
    }
}
