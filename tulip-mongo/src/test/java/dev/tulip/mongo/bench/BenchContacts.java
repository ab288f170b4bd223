package dev.tulip.mongo.bench;

import dev.tulip.HttpException;
import dev.tulip.Tulip;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.embedded.EmbeddedMongo;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 000's two routes for {@code tulip-mongo/bench.sh}, on an in-process in-memory server seeded
 * with 20 contacts: {@code tulip} (the demo's code, the driver on the app's loops),
 * {@code tulip-driver-threads} (the same, the driver on its own threads), or {@code raw} (the same
 * service on Netty and the driver directly, {@link RawContacts}). Listens on {@code $PORT}.
 */
public final class BenchContacts {
    private BenchContacts() {}

    public static void main(String[] args) throws Exception {
        String variant = args.length > 0 ? args[0] : "tulip";
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8090"));
        EmbeddedMongo server = EmbeddedMongo.inMemory().start();
        switch (variant) {
            case "raw" -> RawContacts.serve(server.uri(), port);
            case "tulip" -> tulip(server, port, true);
            case "tulip-driver-threads" -> tulip(server, port, false);
            default -> throw new IllegalArgumentException("variant: raw | tulip | tulip-driver-threads");
        }
    }

    private static void tulip(EmbeddedMongo server, int port, boolean appLoops) {
        Tulip app = Tulip.create(cfg -> cfg.port(port));
        Mongo mongo = Mongo.create(cfg -> cfg.uri(server.uri() + "/bench").appLoops(appLoops));
        app.install(mongo);
        Collection<ObjectNode> contacts = mongo.collection("contacts");
        app.onBeforeStart(ctx -> {
            for (int i = 0; i < 20; i++)
                contacts.insertOne(JsonNodeFactory.instance
                        .objectNode()
                        .put("name", "contact " + i)
                        .put("phone", "555-01" + i));
        });
        app.get("/", req -> contacts.find().list(req.queryInt("limit", 20)));
        app.post("/new", req -> {
            ObjectNode contact = req.json(ObjectNode.class);
            contact.remove("id");
            if (contact.isEmpty()) throw HttpException.badRequest("a contact needs at least one field");
            return Map.of("inserted_id", contacts.insertOne(contact));
        });
        app.run(new String[0]);
    }
}
