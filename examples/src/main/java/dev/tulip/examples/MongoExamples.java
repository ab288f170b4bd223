package dev.tulip.examples;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.HttpException;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Cursor;
import dev.tulip.mongo.Filter;
import dev.tulip.mongo.IdType;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.embedded.EmbeddedMongo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** MongoDB: docs/guide/mongo.md and the javadoc of {@code Mongo}. */
public final class MongoExamples {
    private MongoExamples() {}

    /** A contact as a record: {@code id} is MongoDB's {@code _id}, as a string. */
    public record Contact(String id, String name, String email, Instant added) {}

    /** The guide's app, on an embedded server (a real one would be {@code cfg.uri("mongodb://...")}). */
    public static Tulip app(Consumer<Config.Builder> config, EmbeddedMongo server) {
        var app = Tulip.create(config);
        app.install(server);
        Mongo mongo = Mongo.create(cfg -> cfg.uri(server::uri).database("shop"));
        app.install(mongo);
        contacts(app, mongo);
        stuff(app, mongo);
        people(app, mongo);
        return app;
    }

    /** The javadoc's example. */
    static void javadoc(Tulip app) {
        // tag::mongo-javadoc[]
        Mongo mongo = Mongo.create(cfg -> cfg.uri("mongodb://127.0.0.1:27017/shop"));
        app.install(mongo);
        var contacts = mongo.collection("contacts");
        app.get("/", req -> contacts.find().list(20));
        // end::mongo-javadoc[]
    }

    static void contacts(Tulip app, Mongo mongo) {
        // tag::mongo-contacts[]
        Collection<ObjectNode> contacts = mongo.collection("contacts");
        app.get("/contacts", req -> contacts.find().list(20)); // motor's find().to_list(20); each has "id", no "_id"
        app.post("/contacts", req -> Map.of("inserted_id", contacts.insertOne(req.json(ObjectNode.class))));
        app.get("/contacts/{id}", req -> contacts.findById(req.pathParam("id"))); // a malformed id is a 400, none a 404
        // end::mongo-contacts[]
        // tag::mongo-query[]
        app.get(
                "/contacts/by-name/{name}",
                req -> contacts.find(Filter.eq("name", req.pathParam("name")))
                        .sort(Sorts.descending("added"))
                        .skip(req.queryInt("skip", 0))
                        .limit(10)
                        .list(10));
        // end::mongo-query[]
        // tag::mongo-cursor[]
        app.get(
                "/contacts/export",
                req -> Response.stream("text/plain", out -> {
                    try (Cursor<ObjectNode> all = contacts.find().cursor()) { // motor's "async for", batch by batch
                        while (all.hasNext()) out.write((all.next().get("name") + "\n").getBytes());
                    }
                }));
        // end::mongo-cursor[]
        // tag::mongo-async[]
        app.get(
                "/contacts-count",
                Handler.nonBlocking(req -> contacts.countAsync(Filter.all())
                        .thenApply(n -> Map.of("count", n)))); // on the event loop: a stage, never a blocking call
        // end::mongo-async[]
    }

    static void stuff(Tulip app, Mongo mongo) {
        // tag::mongo-upsert[]
        Collection<ObjectNode> stuff = mongo.collection("stuff").withIds(IdType.STRING); // ids are any strings
        app.put("/stuff/{id}", req -> {
            ObjectNode doc = req.json(ObjectNode.class).put("id", req.pathParam("id"));
            return Response.of(
                    stuff.upsert(Filter.id(doc.get("id").asString()), doc).inserted() ? 201 : 200);
        });
        // end::mongo-upsert[]
        // tag::mongo-search[]
        app.post("/stuff/search", req -> {
            JsonNode ids = req.json(JsonNode.class).get("id");
            if (ids == null || !ids.isArray() || !ids.valueStream().allMatch(JsonNode::isString))
                throw HttpException.badRequest("'id' must be a list of strings"); // {"$ne": null} stops here
            List<String> wanted = ids.valueStream().map(JsonNode::asString).toList();
            return Map.of("data", stuff.find(Filter.ids(wanted)).list(1000));
        });
        app.post(
                "/stuff/where",
                req -> stuff.find(Filter.fromJson(req.json(JsonNode.class))).list(100));
        // end::mongo-search[]
    }

    static void people(Tulip app, Mongo mongo) {
        // tag::mongo-records[]
        Collection<Contact> people = mongo.collection("people", Contact.class);
        app.onBeforeStart(ctx -> people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true)));
        app.post("/people", req -> {
            Contact c = req.json(Contact.class);
            String id = people.insertOne(new Contact(null, c.name(), c.email(), Instant.now())); // a second email: 409
            return Response.json(201, Map.of("id", id));
        });
        app.post(
                "/people/{id}/rename",
                req -> people.updateOne(Filter.id(req.pathParam("id")), Updates.set("name", req.text()))
                        .matched());
        // end::mongo-records[]
    }

    /** The guide's embedded server for a demo: data kept under ./data/mongo. */
    static Tulip embedded() {
        // tag::mongo-embedded[]
        var app = Tulip.create(cfg -> cfg.port(8000));
        var server = EmbeddedMongo.onDisk(Path.of("data", "mongo")); // or EmbeddedMongo.inMemory()
        app.install(server); // first: it starts before the Mongo that uses it and stops after it
        var mongo = Mongo.create(cfg -> cfg.uri(server::uri));
        app.install(mongo);
        // end::mongo-embedded[]
        return app;
    }
}
