package dev.tulip.demo;

import dev.tulip.Response;
import dev.tulip.Tulip;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** Seed 004: search documents by a list of ids, as Sanic + motor served it. */
final class VtInfo {
    private VtInfo() {}

    static void routes(Tulip app) {
        app.post("/svc_vt_info/search", req -> {
            JsonNode ids = req.json(JsonNode.class).get("id");
            if (ids == null || !ids.isArray())
                return Response.json(400, Map.of("status", "error", "message", "'id' must be a list of ids"));
            Store store = req.context().get(DemoApp.STORE);
            List<Map<String, Object>> data = ids.valueStream()
                    .map(JsonNode::asString)
                    .map(store.info::get)
                    .filter(Objects::nonNull)
                    .toList();
            return Map.of("data", data);
        });
    }
}
