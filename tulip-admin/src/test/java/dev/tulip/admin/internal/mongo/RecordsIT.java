package dev.tulip.admin.internal.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tulip.admin.spi.Choice;
import dev.tulip.admin.spi.ConstraintViolation;
import dev.tulip.admin.spi.Dependents;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Relation;
import dev.tulip.mongo.Filter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RecordsIT {
    private static EmbeddedDb db;

    @BeforeAll
    static void start() {
        db = EmbeddedDb.start("records");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @AfterEach
    void drop() {
        db.dropAll();
    }

    private static Document everyType() {
        return new Document("s", "text")
                .append("i", 1)
                .append("l", 5_000_000_000L)
                .append("d", 1.5)
                .append("m", new Decimal128(new BigDecimal("12.34")))
                .append("b", true)
                .append("t", new Date(0))
                .append("o", new ObjectId())
                .append("j", new Document("city", "Oslo").append("at", new Date(0)))
                .append("a", List.of(1, 2))
                .append("y", new Binary(new byte[] {1, 2, 3}));
    }

    private static Model model(MongoBackend backend, String name) {
        return backend.models().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void storedValuesReadBackInTheirCanonicalTypes() {
        Document doc = everyType();
        db.collection("all").insertOne(doc);
        MongoBackend backend = new MongoBackend(db.mongo, List.of());
        Model all = model(backend, "all");
        Map<String, Object> r =
                backend.find(all, Id.of(doc.getObjectId("_id").toHexString())).orElseThrow();
        assertThat(r.get("_id")).isEqualTo(doc.getObjectId("_id").toHexString());
        assertThat(r.get("s")).isEqualTo("text");
        assertThat(r.get("i")).isEqualTo(1L);
        assertThat(r.get("l")).isEqualTo(5_000_000_000L);
        assertThat(r.get("d")).isEqualTo(1.5);
        assertThat(r.get("m")).isEqualTo(new BigDecimal("12.34"));
        assertThat(r.get("b")).isEqualTo(true);
        assertThat(r.get("t")).isEqualTo(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(r.get("o")).isEqualTo(doc.getObjectId("o").toHexString());
        assertThat(((JsonNode) r.get("j")).path("city").asString()).isEqualTo("Oslo");
        assertThat(r.get("a")).isEqualTo(List.of(1L, 2L));
        assertThat((byte[]) r.get("y")).containsExactly(1, 2, 3);
    }

    @Test
    void everyTypeSurvivesAnInsertAndAReadBack() {
        db.collection("all").insertOne(everyType());
        MongoBackend backend = new MongoBackend(db.mongo, List.of());
        Model all = model(backend, "all");
        Map<String, Object> original = backend.find(
                        all,
                        backend.list(all, firstPage()).rows().stream()
                                .map(row -> backend.idOf(all, row))
                                .findFirst()
                                .orElseThrow())
                .orElseThrow();
        Map<String, Object> values = new HashMap<>(original);
        values.remove("_id");
        Id id = backend.insert(all, values);
        Map<String, Object> copy = new LinkedHashMap<>(backend.find(all, id).orElseThrow());
        assertThat(copy.remove("_id")).isEqualTo(id.parts().getFirst());
        assertThat((byte[]) copy.remove("y")).isEqualTo((byte[]) values.remove("y"));
        assertThat(copy).isEqualTo(values);
        Document stored = db.collection("all")
                .findOne(Filter.eq("_id", new ObjectId(id.parts().getFirst())))
                .orElseThrow();
        Document source =
                db.collection("all").find().sort(new Document("_id", 1)).first().orElseThrow();
        for (String f : List.of("s", "i", "l", "d", "m", "b", "t", "o", "a"))
            assertThat(stored.get(f)).as(f).isEqualTo(source.get(f)); // int stays int, long stays long
        assertThat(stored.get("j", Document.class).get("at")).isEqualTo(new Date(0));
    }

    private static ListQuery firstPage() {
        return new ListQuery(
                List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), 0, 10, List.of());
    }

    @Test
    void anUpdateSetsAndUnsetsOnlyTheGivenFields() {
        ObjectId id = new ObjectId();
        db.collection("people")
                .insertOne(new Document("_id", id)
                        .append("name", "Ada")
                        .append("nick", "A")
                        .append("age", 36));
        MongoBackend backend = new MongoBackend(db.mongo, List.of());
        Model people = model(backend, "people");
        Map<String, Object> changes = new HashMap<>();
        changes.put("name", "Ada L.");
        changes.put("nick", null);
        assertThat(backend.update(people, Id.of(id.toHexString()), changes)).isTrue();
        assertThat(db.collection("people").findOne(Filter.eq("_id", id)))
                .contains(new Document("_id", id).append("name", "Ada L.").append("age", 36));
    }

    @Test
    void anUpdateOfAMissingRecordIsFalse() {
        db.collection("people").insertOne(new Document("name", "Ada"));
        MongoBackend backend = new MongoBackend(db.mongo, List.of());
        Model people = model(backend, "people");
        assertThat(backend.update(people, Id.of(new ObjectId().toHexString()), Map.of("name", "x")))
                .isFalse();
        assertThat(backend.update(people, Id.of("not-an-object-id"), Map.of("name", "x")))
                .isFalse();
        assertThat(backend.find(people, Id.of("not-an-object-id"))).isEmpty();
    }

    @Test
    void aDeleteRemovesTheGivenRecordsInOneCommand() {
        List<String> ids = db.collection("people")
                .insertMany(List.of(new Document("name", "a"), new Document("name", "b"), new Document("name", "c")));
        List<String> commands = new ArrayList<>();
        MongoBackend backend = new MongoBackend(db.mongo, List.of(), commands::add);
        Model people = model(backend, "people");
        commands.clear();
        assertThat(backend.delete(people, List.of(Id.of(ids.get(0)), Id.of(ids.get(2)), Id.of("bogus"))))
                .isEqualTo(2);
        assertThat(commands).containsExactly("delete people");
        assertThat(db.collection("people").find().list(10))
                .extracting(d -> d.getString("name"))
                .containsExactly("b");
    }

    @Test
    void aStringKeyMustBeGivenAndIsKeptAsGiven() {
        db.collection("codes").insertOne(new Document("_id", "NO").append("name", "Norway"));
        MongoBackend backend = new MongoBackend(db.mongo, List.of());
        Model codes = model(backend, "codes");
        assertThatThrownBy(() -> backend.insert(codes, Map.of("name", "Sweden")))
                .isInstanceOfSatisfying(
                        ConstraintViolation.class, v -> assertThat(v.field()).contains("_id"));
        assertThat(backend.insert(codes, Map.of("_id", "SE", "name", "Sweden"))).isEqualTo(Id.of("SE"));
        assertThat(backend.find(codes, Id.of("SE")).orElseThrow()).containsEntry("name", "Sweden");
    }

    @Test
    void anIntegerKeyIsFoundByItsDecimalText() {
        db.collection("numbered").insertOne(new Document("_id", 7).append("name", "seven"));
        MongoBackend backend = new MongoBackend(db.mongo, List.of());
        Model numbered = model(backend, "numbered");
        assertThat(backend.find(numbered, Id.of("7")).orElseThrow()).containsEntry("_id", 7L);
        assertThat(backend.insert(numbered, Map.of("_id", 8L, "name", "eight"))).isEqualTo(Id.of("8"));
        assertThat(db.collection("numbered").find().list(10))
                .extracting(d -> d.get("_id"))
                .containsExactly(7, 8);
    }

    @Test
    void aDuplicateKeyNamesTheUniqueIndexsField() {
        var users = db.collection("users");
        users.insertOne(new Document("email", "ada@x").append("name", "Ada"));
        users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        MongoBackend backend = new MongoBackend(db.mongo, List.of());
        Model model = model(backend, "users");
        assertThatThrownBy(() -> backend.insert(model, Map.of("email", "ada@x", "name", "Other")))
                .isInstanceOfSatisfying(ConstraintViolation.class, v -> {
                    assertThat(v.field()).contains("email");
                    assertThat(v.constraint()).contains("email_1");
                    assertThat(v.getMessage()).isEqualTo("must be unique: a record with this email exists");
                });
        Id other = backend.insert(model, Map.of("email", "bob@x", "name", "Bob"));
        assertThatThrownBy(() -> backend.update(model, other, Map.of("email", "ada@x")))
                .isInstanceOfSatisfying(
                        ConstraintViolation.class, v -> assertThat(v.field()).contains("email"));
    }

    @Test
    void dependentsAreCountedThroughDeclaredRelations() {
        ObjectId ada = new ObjectId();
        ObjectId bob = new ObjectId();
        db.collection("authors")
                .insertMany(List.of(
                        new Document("_id", ada).append("name", "Ada"),
                        new Document("_id", bob).append("name", "Bob")));
        List<String> books = db.collection("books")
                .insertMany(List.of(
                        new Document("title", "One").append("author", ada),
                        new Document("title", "Two").append("author", ada),
                        new Document("title", "Three").append("author", bob)));
        db.collection("reviews").insertOne(new Document("text", "good").append("about", List.of(ada, bob)));
        Relation wrote = new Relation("books_author", "books", List.of("author"), "authors", List.of("_id"));
        Relation reviewed = new Relation("reviews_about", "reviews", List.of("about"), "authors", List.of("_id"));
        MongoBackend backend = new MongoBackend(db.mongo, List.of(wrote, reviewed));
        Model authors = model(backend, "authors");
        List<Dependents> deps = backend.dependents(authors, List.of(Id.of(ada.toHexString())), 1);
        assertThat(deps).extracting(Dependents::relation).containsExactly(wrote, reviewed);
        assertThat(deps.get(0).count()).isEqualTo(2);
        assertThat(deps.get(0).sample())
                .hasSize(1)
                .allMatch(id -> books.subList(0, 2).contains(id.parts().getFirst()));
        assertThat(deps.get(1).count()).isEqualTo(1);
        assertThat(backend.dependents(authors, List.of(Id.of(new ObjectId().toHexString())), 5))
                .extracting(Dependents::count)
                .containsExactly(0L, 0L);
    }

    @Test
    void findAllReadsTheGivenRecordsInOneFind() {
        List<String> ids = db.collection("people")
                .insertMany(List.of(
                        new Document("name", "a").append("age", 1),
                        new Document("name", "b").append("age", 2),
                        new Document("name", "c")));
        List<String> commands = new ArrayList<>();
        MongoBackend backend = new MongoBackend(db.mongo, List.of(), commands::add);
        Model people = model(backend, "people");
        commands.clear();
        Map<Id, Map<String, Object>> found =
                backend.findAll(people, List.of(Id.of(ids.get(0)), Id.of(ids.get(2))), List.of("name"));
        assertThat(commands).containsExactly("find people");
        assertThat(found).containsOnlyKeys(Id.of(ids.get(0)), Id.of(ids.get(2)));
        assertThat(found.get(Id.of(ids.get(0)))).containsOnlyKeys("_id", "name").containsEntry("name", "a");
    }

    @Test
    void lookupFindsByLabelIgnoringCaseOrByKey() {
        List<String> ids = db.collection("people")
                .insertMany(List.of(
                        new Document("name", "Ada Lovelace"),
                        new Document("name", "Bob (B.)"),
                        new Document("name", "Charles")));
        MongoBackend backend = new MongoBackend(db.mongo, List.of());
        Model people = model(backend, "people");
        assertThat(backend.lookup(people, "LOVE", List.of("name"), 10))
                .containsExactly(new Choice(Id.of(ids.get(0)), "Ada Lovelace"));
        assertThat(backend.lookup(people, "(b.", List.of("name"), 10))
                .extracting(Choice::label)
                .containsExactly("Bob (B.)");
        assertThat(backend.lookup(people, ids.get(2), List.of("name"), 10))
                .extracting(Choice::label)
                .containsExactly("Charles");
        assertThat(backend.lookup(people, "a", List.of("name"), 2)).hasSize(2);
    }

    @Test
    void aNestedDocumentIsWrittenFromJson() {
        db.collection("places").insertOne(new Document("where", new Document("city", "Oslo")));
        MongoBackend backend = new MongoBackend(db.mongo, List.of());
        Model places = model(backend, "places");
        JsonNode where = Values.JSON.readTree("{\"city\": \"Bergen\", \"zip\": 5003, \"tags\": [\"a\"]}");
        Id id = backend.insert(places, Map.of("where", where));
        Document stored = db.collection("places")
                .findOne(Filter.eq("_id", new ObjectId(id.parts().getFirst())))
                .orElseThrow();
        assertThat(stored.get("where", Document.class))
                .isEqualTo(new Document("city", "Bergen").append("zip", 5003).append("tags", Arrays.asList("a")));
    }
}
