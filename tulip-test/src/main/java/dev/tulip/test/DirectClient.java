package dev.tulip.test;

import dev.tulip.Tulip;
import dev.tulip.internal.Access;
import dev.tulip.internal.Dispatcher;
import dev.tulip.internal.HeaderList;
import dev.tulip.internal.Prepared;
import dev.tulip.internal.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs requests through an app's router, middleware and handlers on the calling thread, without
 * sockets or a server: fast unit tests. The app need not be started (its start listeners do not
 * run, so put what handlers need into {@code app.context()} yourself).
 */
public final class DirectClient {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 0);

    private final Tulip app;

    private DirectClient(Tulip app) {
        this.app = app;
    }

    /** A client for {@code app}; no routes may be added to it afterwards. */
    public static DirectClient of(Tulip app) {
        return new DirectClient(app);
    }

    /** {@code GET path}. */
    public TestResponse get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** {@code DELETE path}. */
    public TestResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** {@code POST path} with {@code body} as JSON. */
    public TestResponse post(String path, Object body) {
        return send("POST", path, TestClient.json(body), Map.of("Content-Type", "application/json"));
    }

    /** {@code PUT path} with {@code body} as JSON. */
    public TestResponse put(String path, Object body) {
        return send("PUT", path, TestClient.json(body), Map.of("Content-Type", "application/json"));
    }

    /** Any request; {@code body} may be null. */
    public TestResponse send(String method, String path, byte[] body, Map<String, String> headers) {
        Dispatcher d = Access.dispatcher(app);
        HeaderList h = new HeaderList();
        h.add("Host", "direct");
        headers.forEach(h::add);
        if (body != null) h.set("Content-Length", Integer.toString(body.length));
        ServerRequest req = new ServerRequest(method, path, "HTTP/1.1", h, body, LOCAL, app.context(), d.mapper());
        Prepared p = d.invokeBlocking(d.resolve(req), req);
        byte[] out = p.body();
        if (p.stream() != null) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                p.stream().writeTo(buf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = buf.toByteArray();
        }
        if (method.equals("HEAD")) out = new byte[0];
        Map<String, List<String>> headersOut = new LinkedHashMap<>();
        var rh = p.response().headers();
        for (int i = 0; i < rh.size(); i++)
            headersOut.computeIfAbsent(rh.name(i), k -> new ArrayList<>()).add(rh.value(i));
        for (var c : p.response().cookies())
            headersOut.computeIfAbsent("Set-Cookie", k -> new ArrayList<>()).add(c.toSetCookie());
        return new TestResponse(p.response().status(), headersOut, out);
    }
}
