package dev.tulip.admin.internal.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Relation;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntrospectorIT {
    private static EmbeddedDb db;

    @BeforeAll
    static void start() {
        db = EmbeddedDb.start("introspection");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @AfterEach
    void drop() {
        db.dropAll();
    }

    private Model model(String name, List<Relation> declared) {
        return new MongoBackend(db.mongo, declared)
                .models().stream()
                        .filter(m -> m.name().equals(name))
                        .findFirst()
                        .orElseThrow();
    }

    private Model model(String name) {
        return model(name, List.of());
    }

    private static Field field(Model m, String name) {
        return m.field(name).orElseThrow(() -> new AssertionError(m.name() + " has no field " + name));
    }

    @Test
    void aSampledFieldOfOneTypeIsOfThatType() {
        db.collection("things")
                .insertOne(new Document("s", "x")
                        .append("i", 1)
                        .append("l", 5_000_000_000L)
                        .append("d", 1.5)
                        .append("m", new Decimal128(new BigDecimal("1.25")))
                        .append("b", true)
                        .append("t", new Date())
                        .append("o", new ObjectId())
                        .append("y", new Binary(new byte[] {1})));
        Model m = model("things");
        assertThat(m.fields())
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
                        tuple("y", FieldType.BYTES));
        assertThat(m.primaryKey()).containsExactly("_id");
    }

    @Test
    void aFieldOfMixedTypesIsOther() {
        db.collection("mixed").insertMany(List.of(new Document("v", 1), new Document("v", "one")));
        assertThat(field(model("mixed"), "v").type()).isEqualTo(FieldType.OTHER);
    }

    @Test
    void intAndLongTogetherAreOneIntegerField() {
        db.collection("numbers").insertMany(List.of(new Document("n", 1), new Document("n", 2L)));
        assertThat(field(model("numbers"), "n").type()).isEqualTo(FieldType.INTEGER);
    }

    @Test
    void nestedDocumentsAreJsonAndArraysHaveTheirElementsType() {
        db.collection("nested")
                .insertMany(List.of(
                        new Document("address", new Document("city", "Oslo")).append("tags", List.of("a", "b")),
                        new Document("tags", List.of()).append("mixed", List.of(1, "x"))));
        Model m = model("nested");
        assertThat(field(m, "address").type()).isEqualTo(FieldType.JSON);
        assertThat(field(m, "tags").type()).isEqualTo(FieldType.ARRAY);
        assertThat(field(m, "tags").elementType()).contains(FieldType.TEXT);
        assertThat(field(m, "mixed").elementType()).contains(FieldType.OTHER);
    }

    @Test
    void sampledFieldsAreNullableAndWritable() {
        db.collection("people").insertOne(new Document("name", "Ada"));
        Field name = field(model("people"), "name");
        assertThat(name.nullable()).isTrue();
        assertThat(name.readOnly()).isFalse();
        assertThat(name.hasDefault()).isFalse();
    }

    @Test
    void anObjectIdKeyIsReadOnlyWithADefault() {
        db.collection("people").insertOne(new Document("name", "Ada"));
        Field id = field(model("people"), "_id");
        assertThat(id.type()).isEqualTo(FieldType.OBJECT_ID);
        assertThat(id.readOnly()).isTrue();
        assertThat(id.hasDefault()).isTrue();
        assertThat(id.nullable()).isFalse();
    }

    @Test
    void aStringKeyIsWritableAndMustBeGiven() {
        db.collection("codes").insertOne(new Document("_id", "NO").append("name", "Norway"));
        Field id = field(model("codes"), "_id");
        assertThat(id.type()).isEqualTo(FieldType.TEXT);
        assertThat(id.readOnly()).isFalse();
        assertThat(id.hasDefault()).isFalse();
    }

    @Test
    void anIntegerKeyIsAWritableInteger() {
        db.collection("numbered").insertOne(new Document("_id", 7).append("name", "seven"));
        Field id = field(model("numbered"), "_id");
        assertThat(id.type()).isEqualTo(FieldType.INTEGER);
        assertThat(id.readOnly()).isFalse();
    }

    @Test
    void uniqueIndexesBecomeUniqueKeysAndUniqueFields() {
        var users = db.collection("users");
        users.insertOne(new Document("email", "a@x")
                .append("first", "A")
                .append("last", "B")
                .append("city", "C"));
        users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        users.createIndex(Indexes.ascending("first", "last"), new IndexOptions().unique(true));
        users.createIndex(Indexes.ascending("city"), new IndexOptions());
        Model m = model("users");
        assertThat(m.uniqueKeys()).containsExactlyInAnyOrder(List.of("email"), List.of("first", "last"));
        assertThat(field(m, "email").unique()).isTrue();
        assertThat(field(m, "first").unique()).isFalse();
        assertThat(field(m, "city").unique()).isFalse();
    }

    @Test
    void theAdminsOwnCollectionsAreNotModels() {
        db.collection("tulip_admin_users").insertOne(new Document("_id", "admin"));
        db.collection("kept").insertOne(new Document("a", 1));
        assertThat(new MongoBackend(db.mongo, List.of()).models())
                .extracting(Model::name)
                .containsExactly("kept");
    }

    @Test
    void declaredRelationsAreReferencesAndReferencedBy() {
        ObjectId ada = new ObjectId();
        db.collection("authors").insertOne(new Document("_id", ada).append("name", "Ada"));
        db.collection("books").insertOne(new Document("title", "Notes").append("author", ada));
        Relation wrote = new Relation("books_author", "books", List.of("author"), "authors", List.of("_id"));
        Relation dangling = new Relation("books_shelf", "books", List.of("shelf"), "shelves", List.of("_id"));
        assertThat(model("books", List.of(wrote, dangling)).references()).containsExactly(wrote);
        assertThat(model("authors", List.of(wrote, dangling)).referencedBy()).containsExactly(wrote);
        assertThat(model("books", List.of(wrote)).referenceOf("author")).contains(wrote);
    }

    @Test
    void anEmptyCollectionHasAnObjectIdKeyOnly() {
        db.mongo.database().command(new Document("create", "empty"));
        assertThat(model("empty").fields()).extracting(Field::name).containsExactly("_id");
    }
}
