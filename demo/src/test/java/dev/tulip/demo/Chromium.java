package dev.tulip.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol: open a
 * page, evaluate JavaScript in it, wait for a condition. Every wait has a deadline, and closing
 * kills the browser and deletes its profile.
 */
final class Chromium implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path profile;
    private final HttpClient http;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, HttpClient http, WebSocket page) {
        this.process = process;
        this.profile = profile;
        this.http = http;
        this.page = page;
    }

    /** Whether a {@code chromium} is on the PATH. */
    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":"))
            if (Files.isExecutable(Path.of(dir, "chromium"))) return true;
        return false;
    }

    /** Starts a browser with one blank page to drive. */
    static Chromium start() throws Exception {
        Path profile = Files.createTempDirectory("tulip-chromium-");
        Process p = new ProcessBuilder(
                        "chromium",
                        "--headless=new",
                        "--no-sandbox", // the tests run as root here
                        "--disable-gpu",
                        "--disable-extensions",
                        "--no-first-run",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String endpoint = devtoolsEndpoint(p);
            String port = URI.create(endpoint).getPort() + "";
            HttpClient http = HttpClient.newHttpClient();
            String targets = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            String pageUrl = null;
            for (JsonNode t : JSON.readTree(targets))
                if (t.get("type").asString().equals("page"))
                    pageUrl = t.get("webSocketDebuggerUrl").asString();
            if (pageUrl == null) throw new IllegalStateException("chromium opened no page: " + targets);
            var holder = new Chromium[1];
            WebSocket ws = http.newWebSocketBuilder()
                    .buildAsync(URI.create(pageUrl), new Listener(holder))
                    .get(10, TimeUnit.SECONDS);
            Chromium c = new Chromium(p, profile, http, ws);
            holder[0] = c;
            return c;
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** Reads the browser's stderr until it says where DevTools listens (within 30 s). */
    private static String devtoolsEndpoint(Process p) throws Exception {
        var found = new CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try (var err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0)
                        found.complete(line.substring(at).trim());
                }
                found.completeExceptionally(new IllegalStateException("chromium exited without DevTools"));
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
        });
        return found.get(30, TimeUnit.SECONDS);
    }

    /** Sends a DevTools command and waits (10 s at most) for its result. */
    JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", JSON.valueToTree(params));
        var result = new CompletableFuture<JsonNode>();
        pending.put(id, result);
        page.sendText(msg.toString(), true).get(10, TimeUnit.SECONDS);
        JsonNode answer = result.get(10, TimeUnit.SECONDS);
        if (answer.has("error")) throw new IllegalStateException(method + " failed: " + answer.get("error"));
        return answer.get("result");
    }

    /** Opens {@code url} in the page. */
    void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** Evaluates {@code js} in the page; its value as JSON (awaiting a promise). */
    JsonNode eval(String js) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", js, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        return r.get("result").path("value");
    }

    /** Evaluates {@code js} until its value satisfies {@code done} or {@code max} passed; returns the last value. */
    JsonNode await(String js, Predicate<JsonNode> done, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        JsonNode v;
        do {
            try {
                v = eval(js);
            } catch (IllegalStateException notYet) { // the page is still loading
                v = null;
            }
            if (v != null && done.test(v)) return v;
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return v;
    }

    @Override
    public void close() throws IOException {
        page.abort();
        http.shutdownNow();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** Collects DevTools answers (by id) from the page's socket. */
    private static final class Listener implements WebSocket.Listener {
        private final Chromium[] owner;
        private final StringBuilder text = new StringBuilder();

        Listener(Chromium[] owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode msg = JSON.readTree(text.toString());
                text.setLength(0);
                if (msg.has("id") && owner[0] != null) {
                    CompletableFuture<JsonNode> f =
                            owner[0].pending.remove(msg.get("id").asInt());
                    if (f != null) f.complete(msg);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
