package dev.tulip.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A client that keeps cookies like a browser and does not follow redirects, so tests see each answer. */
final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    final String base;
    final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    String lastCsrf = "";

    Browser(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> r =
                send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(r.body());
        if (m.find())
            lastCsrf = m.group(1).replace("&#61;", "=").replace("&#43;", "+").replace("&#47;", "/");
        return r;
    }

    /** POSTs a form; {@code kv} are names and values in turn. */
    HttpResponse<String> post(String path, String... kv) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2)
            pairs.add(URLEncoder.encode(kv[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
        Matcher m = CSRF.matcher(r.body());
        if (m.find())
            lastCsrf = m.group(1).replace("&#61;", "=").replace("&#43;", "+").replace("&#47;", "/");
        return r;
    }

    /** POSTs a form with the CSRF token of the last page read. */
    HttpResponse<String> submit(String path, String... kv) {
        String[] all = new String[kv.length + 2];
        all[0] = "_csrf";
        all[1] = lastCsrf;
        System.arraycopy(kv, 0, all, 2, kv.length);
        return post(path, all);
    }

    void login(String user, String password) {
        get("/admin/login");
        HttpResponse<String> r = submit("/admin/login", "username", user, "password", password, "next", "/admin");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        get("/admin");
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
