package dev.tulip.web;

import dev.tulip.Cookie;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.spi.InProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An app started in process and a client that keeps its cookies like a browser: each response's
 * {@code Set-Cookie} goes into the jar (a {@code Max-Age=0} one out of it), and each request sends
 * the jar. Closing it stops the app.
 */
final class Browser implements AutoCloseable {
    /** One answer: status, the response as the chain left it, and its body as text. */
    record Answer(int status, Response response, String body) {
        String header(String name) {
            return response.header(name).orElse(null);
        }

        List<String> headers(String name) {
            return response.headers().all(name);
        }

        Cookie cookie(String name) {
            return response.cookies().stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final InProcess app;
    final Map<String, String> jar = new LinkedHashMap<>();

    Browser(Tulip app) {
        this.app = app.startInProcess();
    }

    Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Answer post(String path, String... headers) {
        return send("POST", path, null, headers);
    }

    /** {@code headers} as name, value, name, value...; a {@code body} is sent as a URL-encoded form. */
    Answer send(String method, String path, String form, String... headers) {
        List<Map.Entry<String, String>> h = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) h.add(Map.entry(headers[i], headers[i + 1]));
        if (!jar.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            jar.forEach((k, v) -> pairs.add(k + "=" + v));
            h.add(Map.entry("Cookie", String.join("; ", pairs)));
        }
        byte[] body = null;
        if (form != null) {
            h.add(Map.entry("Content-Type", "application/x-www-form-urlencoded"));
            body = form.getBytes(StandardCharsets.UTF_8);
        }
        InProcess.Result r = app.send(method, path, h, body);
        for (Cookie c : r.response().cookies()) {
            if (c.maxAge().map(a -> a.isZero()).orElse(false)) jar.remove(c.name());
            else jar.put(c.name(), c.value());
        }
        return new Answer(r.response().status(), r.response(), new String(r.body(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        app.close();
    }
}
