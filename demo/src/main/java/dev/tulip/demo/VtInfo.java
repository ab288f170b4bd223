package dev.tulip.demo;

import dev.tulip.HttpException;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Filter;
import dev.tulip.mongo.IdType;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.MongoUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seed 004: search the {@code info} collection by a list of ids, as Sanic + motor served it.
 * {@code POST /svc_vt_info/search} with {@code {"id": ["a1", "b2"]}} answers {@code {"data": [...]}}
 * (an empty list when nothing matches). Every bad request is a {@code 400} in the seed's own shape,
 * {@code {"status": "error", "message": "..."}}: a body that is not JSON, no {@code id}, or an
 * {@code id} that is not a list of strings ({@code {"$ne": null}} is refused here, never sent).
 * The demo seeds three documents on its first run.
 */
final class VtInfo {
    static final int MAX_IDS = 1000;

    private VtInfo() {}

    static void routes(Tulip app, Mongo mongo) {
        Collection<ObjectNode> info = mongo.collection("info").withIds(IdType.STRING);
        app.onBeforeStart(ctx -> seed(info));
        app.post("/svc_vt_info/search", req -> {
            JsonNode body;
            try {
                body = req.json(JsonNode.class);
            } catch (HttpException e) {
                return error(e.status(), e.getMessage());
            }
            JsonNode ids = body.isObject() ? body.get("id") : null;
            if (ids == null || ids.isNull()) return error(400, "'id' is required: a list of ids");
            if (!ids.isArray()) return error(400, "'id' must be a list of strings, got " + kind(ids));
            if (ids.size() > MAX_IDS) return error(400, "'id' may list at most " + MAX_IDS + " ids");
            List<String> wanted = new ArrayList<>(ids.size());
            for (JsonNode id : ids.values()) {
                if (!id.isString()) return error(400, "'id' must be a list of strings, found " + kind(id));
                wanted.add(id.asString());
            }
            return Map.of(
                    "data",
                    wanted.isEmpty() ? List.of() : info.find(Filter.ids(wanted)).list(MAX_IDS));
        });
    }

    private static Response error(int status, String message) {
        return Response.json(status, Map.of("status", "error", "message", message));
    }

    private static String kind(JsonNode n) {
        return n.isObject()
                ? "an object"
                : n.isArray() ? "a list" : n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The sample documents, on the first run only. A server just started (or a cold JVM on a busy
     * machine) may take longer than one server selection to answer, so this waits up to 10 s.
     */
    private static void seed(Collection<ObjectNode> info) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long count;
        while (true) {
            try {
                count = info.estimatedCount();
                break;
            } catch (MongoUnavailableException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(100);
            }
        }
        if (count > 0) return;
        JsonNodeFactory n = JsonNodeFactory.instance;
        List<ObjectNode> samples = List.of(
                n.objectNode().put("id", "a1").put("ta", 1).put("name", "alpha"),
                n.objectNode().put("id", "b2").put("ta", 2).put("name", "beta"),
                n.objectNode().put("id", "c3").put("ta", 3).put("name", "gamma"));
        info.insertMany(samples);
    }
}
