package dev.tulip.test;

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
 * A real headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol, for
 * browser tests: open a page, fill and click like a user, evaluate JavaScript, wait for a
 * condition, take a screenshot; with page scripts on or off. Every wait has a deadline, and
 * closing kills the browser and deletes its profile. It needs nothing but the browser: no driver
 * download, no Node.
 */
public final class Chromium implements AutoCloseable {
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
    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":"))
            if (Files.isExecutable(Path.of(dir, "chromium"))) return true;
        return false;
    }

    /** Starts a browser with one blank page to drive. */
    public static Chromium start() throws Exception {
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
    public JsonNode call(String method, Map<String, Object> params) throws Exception {
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
    public void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /**
     * Opens {@code url} and waits (10 s at most) until the new document has loaded; use this, or
     * {@link #clickAndWait}, whenever the next step reads the page.
     */
    public void go(String url) throws Exception {
        String before = marker();
        open(url);
        awaitNewDocument(before);
    }

    /** Turns the page's own scripts off (or on again), as a browser with JavaScript disabled. */
    public void scripts(boolean enabled) throws Exception {
        call("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
    }

    /** Sets the value of the input, select or textarea matched by {@code selector}, as typing would, with input and change events. */
    public void fill(String selector, String value) throws Exception {
        JsonNode ok = eval("(() => { const e = document.querySelector(" + str(selector) + "); if (!e) return false;"
                + " if (e.type === 'checkbox') e.checked = " + str(value) + " === 'true'; else e.value = " + str(value)
                + ";"
                + " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));"
                + " return true; })()");
        if (!ok.asBoolean()) throw new IllegalStateException("no element " + selector + " on " + url());
    }

    /** Clicks the element matched by {@code selector} and waits (10 s at most) for the page it leads to. */
    public void clickAndWait(String selector) throws Exception {
        String before = marker();
        click(selector);
        awaitNewDocument(before);
    }

    /** Clicks the element matched by {@code selector}. */
    public void click(String selector) throws Exception {
        JsonNode ok = eval("(() => { const e = document.querySelector(" + str(selector)
                + "); if (!e) return false; e.click(); return true; })()");
        if (!ok.asBoolean()) throw new IllegalStateException("no element " + selector + " on " + url());
    }

    /** The text of the element matched by {@code selector}, or empty if there is none. */
    public String text(String selector) throws Exception {
        return eval("(() => { const e = document.querySelector(" + str(selector)
                        + "); return e ? e.innerText : ''; })()")
                .asString();
    }

    /** How many elements match {@code selector}. */
    public int count(String selector) throws Exception {
        return eval("document.querySelectorAll(" + str(selector) + ").length").asInt();
    }

    /** The page's URL. */
    public String url() throws Exception {
        return eval("location.href").asString();
    }

    /** Saves a PNG of the whole page to {@code file}. */
    public void screenshot(Path file) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, java.util.Base64.getDecoder().decode(shot.get("data").asString()));
    }

    /** Deletes every cookie of the browser (a new visitor). */
    public void clearCookies() throws Exception {
        call("Network.clearBrowserCookies", Map.of());
    }

    private String marker() throws Exception {
        return call("Runtime.evaluate", Map.of("expression", "String(performance.timeOrigin)", "returnByValue", true))
                .path("result")
                .path("value")
                .asString("");
    }

    private void awaitNewDocument(String before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode r = call(
                        "Runtime.evaluate",
                        Map.of(
                                "expression",
                                "String(performance.timeOrigin) + ' ' + document.readyState",
                                "returnByValue",
                                true));
                String[] v = r.path("result").path("value").asString("").split(" ");
                if (v.length == 2 && !v[0].equals(before) && v[1].equals("complete")) return;
            } catch (IllegalStateException loading) {
                // the old document is gone and the new one not yet there
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("no new page loaded within 10 s; still at " + url());
    }

    private static String str(String s) {
        return JSON.getNodeFactory().stringNode(s).toString();
    }

    /** Evaluates {@code js} in the page; its value as JSON (awaiting a promise). */
    public JsonNode eval(String js) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", js, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        return r.get("result").path("value");
    }

    /** Evaluates {@code js} until its value satisfies {@code done} or {@code max} passed; returns the last value. */
    public JsonNode await(String js, Predicate<JsonNode> done, Duration max) throws Exception {
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
