package dev.tulip.demo;

import dev.tulip.Response;
import dev.tulip.Tulip;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** Seed 002: documents by id with upsert, as aiohttp + motor served them. */
final class Stuff {
    private Stuff() {}

    static void routes(Tulip app) {
        app.get("/stuff/{id}", req -> req.context().get(DemoApp.STORE).stuff.get(req.pathParam("id")));
        app.put("/stuff/{id}", req -> {
            String id = req.pathParam("id");
            Map<String, Object> doc = new LinkedHashMap<>(req.json(new TypeReference<Map<String, Object>>() {}));
            doc.put("_id", id);
            boolean replaced = req.context().get(DemoApp.STORE).stuff.put(id, doc) != null;
            return Response.of(replaced ? 200 : 201);
        });
    }
}
