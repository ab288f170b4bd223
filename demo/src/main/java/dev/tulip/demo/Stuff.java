package dev.tulip.demo;

import dev.tulip.HttpException;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Filter;
import dev.tulip.mongo.IdType;
import dev.tulip.mongo.Mongo;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 002: documents by id in MongoDB, as aiohttp + motor served them. {@code PUT /stuff/{id}}
 * stores the JSON object under that id (any string: ids here are not ObjectIds) and answers
 * {@code 201} when it created the document, {@code 200} when it replaced one; {@code GET} returns
 * it, or {@code 404}.
 */
final class Stuff {
    static final int MAX_ID_LENGTH = 512;

    private Stuff() {}

    static void routes(Tulip app, Mongo mongo) {
        Collection<ObjectNode> stuff = mongo.collection("stuff").withIds(IdType.STRING);
        app.get("/stuff/{id}", req -> stuff.findById(id(req.pathParam("id"))));
        app.put("/stuff/{id}", req -> {
            String id = id(req.pathParam("id"));
            ObjectNode doc = req.json(ObjectNode.class);
            doc.remove("_id");
            doc.put("id", id); // the path decides, as the seed's json['_id'] = id
            return Response.of(stuff.upsert(Filter.id(id), doc).inserted() ? 201 : 200);
        });
    }

    private static String id(String id) {
        if (id.length() > MAX_ID_LENGTH)
            throw HttpException.badRequest("an id may have at most " + MAX_ID_LENGTH + " characters");
        return id;
    }
}
