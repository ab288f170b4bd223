package dev.tulip.demo;

import dev.tulip.HttpException;
import dev.tulip.Tulip;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Mongo;
import dev.tulip.web.Sse;
import dev.tulip.web.SseHub;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 000: contacts in MongoDB, as Sanic + motor served them. {@code GET /} lists the first 20
 * (motor's {@code to_list(20)}; {@code ?limit=} up to 1000), each with its id as the string
 * {@code id}; {@code POST /new} inserts a JSON object and answers {@code {"inserted_id": "..."}},
 * and announces it on {@code created} (the {@code /events} stream) as a {@code contact} event.
 */
final class Contacts {
    static final int MAX_LIMIT = 1000;

    private Contacts() {}

    static void routes(Tulip app, Mongo mongo, SseHub created) {
        Collection<ObjectNode> contacts = mongo.collection("contacts");
        app.get("/", req -> {
            int limit = req.queryInt("limit", 20);
            if (limit < 1 || limit > MAX_LIMIT)
                throw HttpException.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ", got " + limit);
            return contacts.find().list(limit);
        });
        app.post("/new", req -> {
            ObjectNode contact = req.json(ObjectNode.class);
            contact.remove("id"); // the server assigns ids: a contact posted back as listed is a new one
            contact.remove("_id");
            if (contact.isEmpty()) throw HttpException.badRequest("a contact needs at least one field");
            String id = contacts.insertOne(contact);
            contact.put("id", id);
            created.publish(Sse.event(contact.toString()).event("contact").id(id));
            return Map.of("inserted_id", id);
        });
    }
}
