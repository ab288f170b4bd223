package dev.tulip.demo;

import dev.tulip.HttpException;
import dev.tulip.Tulip;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** Seed 000: a contacts list with an insert, as Sanic + motor served it. */
final class Contacts {
    private Contacts() {}

    static void routes(Tulip app) {
        app.get("/", req -> req.context().get(DemoApp.STORE).listContacts(req.queryInt("limit", 20)));
        app.post("/new", req -> {
            Map<String, Object> contact = req.json(new TypeReference<Map<String, Object>>() {});
            if (contact.isEmpty()) throw HttpException.badRequest("a contact needs at least one field");
            return Map.of("inserted_id", req.context().get(DemoApp.STORE).insertContact(contact));
        });
    }
}
