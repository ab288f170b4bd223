package dev.tulip.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every call of {@link Collection} against the embedded server, plain and as stages. */
class CollectionIT {
    record Contact(String id, String name, int age) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MongoApp m;
    private Collection<ObjectNode> coll;
    private Collection<Contact> contacts;

    @BeforeAll
    static void start() {
        m = MongoApp.start();
    }

    @AfterAll
    static void stop() {
        m.close();
    }

    @BeforeEach
    void fresh(org.junit.jupiter.api.TestInfo info) {
        String name = info.getTestMethod().orElseThrow().getName();
        coll = m.mongo.collection(name);
        contacts = m.mongo.collection(name, Contact.class);
    }

    private static ObjectNode doc(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    private void insertAges(int... ages) {
        for (int age : ages) contacts.insertOne(new Contact(null, "n" + age, age));
    }

    @Test
    void insertOneReturnsAGeneratedObjectIdAsAString() {
        String id = coll.insertOne(doc("{\"name\":\"Ada\"}"));
        assertThat(ObjectId.isValid(id)).isTrue();
        ObjectNode found = coll.findById(id).orElseThrow();
        assertThat(found.get("id").asString()).isEqualTo(id);
        assertThat(found.has("_id")).isFalse();
        assertThat(found.get("name").asString()).isEqualTo("Ada");
    }

    @Test
    void insertOneOfARecordWithoutIdGeneratesOne() {
        String id = contacts.insertOne(new Contact(null, "Ada", 36));
        assertThat(contacts.findById(id)).contains(new Contact(id, "Ada", 36));
    }

    @Test
    void insertOneAsyncCompletesWithTheId() throws Exception {
        String id = coll.insertOneAsync(doc("{\"a\":1}")).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(coll.findByIdAsync(id).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isPresent();
    }

    @Test
    void insertManyReturnsTheIdsInOrder() {
        List<String> ids = coll.insertMany(List.of(doc("{\"n\":1}"), doc("{\"n\":2}"), doc("{\"n\":3}")));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        for (int i = 0; i < 3; i++)
            assertThat(coll.findById(ids.get(i)).orElseThrow().get("n").asInt()).isEqualTo(i + 1);
    }

    @Test
    void findWithFilterSortSkipLimitAndProjection() {
        insertAges(30, 10, 50, 20, 40);
        List<ObjectNode> found = coll.find(Filter.gte("age", 20))
                .sort(Sorts.descending("age"))
                .skip(1)
                .limit(2)
                .projection(Projections.include("age"))
                .list(100);
        assertThat(found).extracting(d -> d.get("age").asInt()).containsExactly(40, 30);
        assertThat(found.get(0).has("name")).isFalse();
        assertThat(found.get(0).has("id")).isTrue();
    }

    @Test
    void listStopsAtItsCap() {
        insertAges(1, 2, 3, 4, 5);
        assertThat(contacts.find().list(3)).hasSize(3);
        assertThat(contacts.find().limit(2).list(3)).hasSize(2);
    }

    @Test
    void listAsyncGivesTheSameDocuments() throws Exception {
        insertAges(1, 2, 3);
        assertThat(contacts.find()
                        .sort(Sorts.ascending("age"))
                        .listAsync(10)
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS))
                .extracting(Contact::age)
                .containsExactly(1, 2, 3);
    }

    @Test
    void cursorReadsEveryDocumentAcrossBatches() {
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 450; i++) many.add(new Document("i", i));
        coll.as(Document.class).insertMany(many);
        int n = 0;
        try (Cursor<ObjectNode> c = coll.find().sort(Sorts.ascending("i")).cursor()) {
            while (c.hasNext()) assertThat(c.next().get("i").asInt()).isEqualTo(n++);
        }
        assertThat(n).isEqualTo(450);
    }

    @Test
    void aCursorClosedEarlyStopsReading() {
        insertAges(1, 2, 3, 4, 5);
        Cursor<Contact> c = contacts.find().cursor();
        assertThat(c.hasNext()).isTrue();
        c.next();
        c.close();
        assertThat(c.hasNext()).isFalse();
    }

    @Test
    void forEachAsyncVisitsEveryDocumentAndCountsThem() throws Exception {
        insertAges(1, 2, 3, 4);
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        long n = contacts.find()
                .forEachAsync(c -> seen.add(c.age()))
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertThat(n).isEqualTo(4);
        assertThat(seen).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void findOneAndFindByIdAreEmptyWhenNothingMatches() {
        assertThat(coll.findOne(Filter.eq("x", 1))).isEmpty();
        assertThat(coll.findById(new ObjectId().toHexString())).isEmpty();
    }

    @Test
    void findByIdWithAMalformedObjectIdIsA400() {
        assertThatThrownBy(() -> coll.findById("42"))
                .isInstanceOf(InvalidIdException.class)
                .hasMessageContaining("24 hexadecimal digits")
                .satisfies(e -> assertThat(((InvalidIdException) e).status()).isEqualTo(400));
    }

    @Test
    void stringIdsStayStrings() {
        Collection<ObjectNode> stuff = coll.withIds(IdType.STRING);
        stuff.insertOne(doc("{\"id\":\"42\",\"colour\":\"red\"}"));
        assertThat(stuff.findById("42").orElseThrow().get("colour").asString()).isEqualTo("red");
        Document raw = coll.as(Document.class).find().first().orElseThrow();
        assertThat(raw.get("_id")).isEqualTo("42");
    }

    @Test
    void upsertTellsInsertedFromReplaced() {
        Collection<ObjectNode> stuff = coll.withIds(IdType.STRING);
        WriteResult first = stuff.upsert(Filter.id("s1"), doc("{\"id\":\"s1\",\"v\":1}"));
        assertThat(first.inserted()).isTrue();
        assertThat(first.upsertedId()).contains("s1");
        WriteResult second = stuff.upsert(Filter.id("s1"), doc("{\"id\":\"s1\",\"v\":2}"));
        assertThat(second.inserted()).isFalse();
        assertThat(second.matched()).isEqualTo(1);
        assertThat(stuff.findById("s1").orElseThrow().get("v").asInt()).isEqualTo(2);
    }

    @Test
    void replaceOneWithoutUpsertDoesNothingWhenNoneMatches() {
        WriteResult r = coll.replaceOne(Filter.eq("x", 1), doc("{\"x\":2}"));
        assertThat(r.matched()).isZero();
        assertThat(r.inserted()).isFalse();
        assertThat(coll.count(Filter.all())).isZero();
    }

    @Test
    void updateOneAndUpdateManyApplyOperators() {
        insertAges(1, 2, 3);
        WriteResult one = contacts.updateOne(Filter.eq("age", 1), Updates.set("name", "first"));
        assertThat(one.matched()).isEqualTo(1);
        assertThat(one.modified()).isEqualTo(1);
        WriteResult many = contacts.updateMany(Filter.gte("age", 2), Updates.inc("age", 10));
        assertThat(many.modified()).isEqualTo(2);
        assertThat(contacts.find().sort(Sorts.ascending("age")).list(10))
                .extracting(Contact::age)
                .containsExactly(1, 12, 13);
        assertThat(contacts.findOne(Filter.eq("age", 1)).orElseThrow().name()).isEqualTo("first");
    }

    @Test
    void deleteOneAndDeleteManyReportHowMany() {
        insertAges(1, 2, 2, 3);
        assertThat(contacts.deleteOne(Filter.eq("age", 2))).isEqualTo(1);
        assertThat(contacts.deleteMany(Filter.lt("age", 10))).isEqualTo(3);
        assertThat(contacts.count(Filter.all())).isZero();
    }

    @Test
    void countsExactAndEstimated() {
        insertAges(1, 2, 3);
        assertThat(contacts.count(Filter.gt("age", 1))).isEqualTo(2);
        assertThat(contacts.estimatedCount()).isEqualTo(3);
    }

    @Test
    void distinctValues() {
        insertAges(1, 2, 2, 3);
        assertThat(contacts.distinct("age", Filter.all(), Integer.class)).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void aggregateGroupsAndSums() {
        insertAges(1, 2, 3, 4);
        List<ObjectNode> out = contacts.aggregate(
                List.of(
                        Aggregates.match(Filter.gt("age", 1)),
                        Aggregates.group(null, Accumulators.sum("total", "$age"))),
                ObjectNode.class,
                10);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).get("total").asInt()).isEqualTo(9);
    }

    @Test
    void aUniqueIndexRefusesADuplicateWith409() {
        String name = contacts.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
        assertThat(contacts.indexes()).extracting(i -> i.get("name").asString()).contains(name);
        contacts.insertOne(new Contact(null, "Ada", 1));
        assertThatThrownBy(() -> contacts.insertOne(new Contact(null, "Ada", 2)))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(((DuplicateKeyException) e).status()).isEqualTo(409));
        contacts.dropIndex(name);
        contacts.insertOne(new Contact(null, "Ada", 3));
        assertThat(contacts.count(Filter.eq("name", "Ada"))).isEqualTo(2);
    }

    @Test
    void aDuplicateIdIsA409Too() {
        String id = coll.insertOne(doc("{\"a\":1}"));
        assertThatThrownBy(() -> coll.insertOne(doc("{\"id\":\"" + id + "\"}")))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void bulkWriteRunsEveryKindOfWrite() {
        Collection<ObjectNode> stuff = coll.withIds(IdType.STRING);
        stuff.insertOne(doc("{\"id\":\"a\",\"n\":1}"));
        stuff.insertOne(doc("{\"id\":\"gone\"}"));
        BulkResult r = stuff.bulkWrite(
                List.of(
                        new InsertOneModel<>(doc("{\"id\":\"b\",\"n\":2}")),
                        new UpdateOneModel<>(Filter.id("a"), Updates.set("n", 10)),
                        new ReplaceOneModel<>(Filter.id("c"), doc("{\"id\":\"c\"}"), new ReplaceOptions().upsert(true)),
                        new DeleteOneModel<>(Filter.id("gone"))),
                true);
        assertThat(r).isEqualTo(new BulkResult(1, 1, 1, 1, java.util.Map.of(2, "c")));
        assertThat(stuff.find().list(10))
                .extracting(d -> d.get("id").asString())
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void documentsOfTheDriverWorkAsTheyDo() {
        Collection<Document> raw = coll.as(Document.class);
        String id = raw.insertOne(new Document("k", "v"));
        Document d = raw.findById(id).orElseThrow();
        assertThat(d.get("_id")).isEqualTo(new ObjectId(id));
        assertThat(d.getString("k")).isEqualTo("v");
    }

    @Test
    void changeStreamsSeeInsertsAndDeletes() throws Exception {
        try (Cursor<Change<ObjectNode>> changes = coll.watch()) {
            Thread.sleep(200); // the stream is open on the server
            String id = coll.insertOne(doc("{\"w\":1}"));
            assertThat(changes.hasNext()).isTrue();
            Change<ObjectNode> c = changes.next();
            assertThat(c.operation()).isEqualTo("insert");
            assertThat(c.id()).contains(id);
            assertThat(c.document().orElseThrow().get("w").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theDatabaseRunsCommands() {
        JsonNode pong = m.mongo.database().command(new Document("ping", 1));
        assertThat(pong.get("ok").asDouble()).isEqualTo(1.0);
        coll.insertOne(doc("{}"));
        assertThat(m.mongo.database().collectionNames()).contains(coll.name());
        assertThat(m.mongo.database().name()).isEqualTo("tests");
    }
}
