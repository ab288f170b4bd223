package dev.tulip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code health} setting's routes: {@code <health-path>/live} answers 200 while the process
 * serves; {@code <health-path>/ready} answers 200 when the app runs, is not draining and every
 * {@link ReadinessCheck} passes, else 503 naming what is not ready (a load balancer then stops
 * sending, and a Kubernetes readiness probe takes the pod out of its service).
 */
final class HealthRoutes {
    /** A named check, as declared. */
    record Named(String name, ReadinessCheck check) {}

    private HealthRoutes() {}

    static void register(RouteGroup root, String path, AppContext context, List<Named> checks) {
        root.route("GET", path + "/live", Handler.nonBlocking(req -> Map.of("status", "live")));
        root.route("GET", path + "/ready", req -> ready(context, checks));
    }

    private static Response ready(AppContext context, List<Named> checks) {
        if (context.draining()) return Response.json(503, Map.of("status", "draining"));
        Map<String, String> results = new LinkedHashMap<>();
        boolean ok = true;
        for (Named n : checks) {
            try {
                n.check().check();
                results.put(n.name(), "ok");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.put(n.name(), "interrupted");
                ok = false;
            } catch (Exception e) {
                results.put(n.name(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                ok = false;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ok ? "ready" : "not ready");
        body.put("checks", results);
        return Response.json(ok ? 200 : 503, body);
    }
}
