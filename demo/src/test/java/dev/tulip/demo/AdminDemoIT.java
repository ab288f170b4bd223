package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.Chromium;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo as ./run.sh starts it: the admin at /admin over the users in PostgreSQL and the collections in MongoDB. */
class AdminDemoIT {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void theFirstAdminLogsInWithThePasswordFromTheEnvironmentAndSeesBothDatabases() throws Exception {
        Path data = Files.createTempDirectory("tulip-demo-admin");
        try (ChildJvm app = ChildJvm.start(
                List.of("-cp", System.getProperty("java.class.path"), "dev.tulip.demo.DemoApp", "--port", "0"),
                Map.of("DEMO_DATA_DIR", data.toString(), "TULIP_ADMIN_PASSWORD", "demo-admin-password"))) {
            String base = "http://127.0.0.1:" + app.port();
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            assertThat(get(http, base + "/admin/m/users").statusCode()).isEqualTo(303); // redirects not followed
            String login = get(http, base + "/admin/login").body();
            Matcher token = CSRF.matcher(login);
            assertThat(token.find()).isTrue();
            HttpResponse<String> in = post(
                    http,
                    base + "/admin/login",
                    "_csrf",
                    token.group(1),
                    "username",
                    "admin",
                    "password",
                    "demo-admin-password",
                    "next",
                    "/admin/m/users");
            assertThat(in.statusCode()).isEqualTo(303);
            assertThat(get(http, base + "/admin/m/users").body())
                    .contains("Ada")
                    .contains("linus@example.com");

            HttpResponse<String> contact = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/new"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"masnun\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(contact.statusCode()).isLessThan(300);
            // the first contact made the collection; the admin reads the models again for a name it
            // lacks, at most every 2 s: ask until it has
            HttpResponse<String> contacts = get(http, base + "/admin/m/contacts");
            for (long end = System.nanoTime() + 10_000_000_000L;
                    contacts.statusCode() == 404 && System.nanoTime() < end; ) {
                Thread.sleep(50);
                contacts = get(http, base + "/admin/m/contacts");
            }
            assertThat(contacts.statusCode()).isEqualTo(200);
            assertThat(contacts.body()).contains("masnun");
            screenshots(base);
            assertThat(app.terminate()).isZero();
        } finally {
            DemoData.delete(data);
        }
    }

    /** The demo's admin in a real Chromium, kept under target/screenshots/demo (the README's pictures). */
    private static void screenshots(String base) throws Exception {
        if (!Chromium.available())
            throw new IllegalStateException("Debian's chromium must be installed (./test.sh installs it)");
        Path dir = Path.of("target", "screenshots", "demo");
        try (Chromium b = Chromium.start()) {
            b.call(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1200, "height", 760, "deviceScaleFactor", 1, "mobile", false));
            b.go(base + "/admin/login");
            b.fill("#username", "admin");
            b.fill("#password", "demo-admin-password");
            b.clickAndWait("form button[type=submit]");
            assertThat(b.text("h1")).isEqualTo("Dashboard");
            b.screenshot(dir.resolve("admin-dashboard.png"));
            b.go(base + "/admin/m/users?sort=name");
            assertThat(b.text("tbody")).contains("Ada");
            b.screenshot(dir.resolve("admin-list.png"));
            b.go(base + "/admin/m/users/r/1/edit");
            b.click("[data-theme-toggle]");
            b.await("document.documentElement.getAttribute('data-theme')", v -> !v.isNull(), Duration.ofSeconds(5));
            b.screenshot(dir.resolve("admin-edit-theme.png"));
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String url, String... kv) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) body.append('&');
            body.append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
