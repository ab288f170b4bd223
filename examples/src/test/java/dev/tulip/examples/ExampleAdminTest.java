package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import dev.tulip.admin.Admin;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.embedded.EmbeddedMongo;
import dev.tulip.pg.Pg;
import dev.tulip.pg.embedded.EmbeddedPg;
import dev.tulip.test.TestServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin guide's examples on an embedded PostgreSQL and MongoDB: the shaped admin, its action, a granted user. */
class ExampleAdminTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static EmbeddedPg postgres;
    private static TestServer server;
    private static Pg pg;
    private static Admin admin;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPg.startTemporary();
        Tulip app = Tulip.create(c -> c.port(0));
        EmbeddedMongo mongoServer = EmbeddedMongo.inMemory();
        app.install(mongoServer);
        Mongo mongo = Mongo.create(cfg -> cfg.uri(() -> mongoServer.uri() + "/shop"));
        app.install(mongo);
        pg = Pg.create(cfg -> cfg.url(postgres.url()));
        app.install(pg);
        app.install(setup -> setup.resource(
                "schema",
                ctx -> {
                    pg.execute(
                            "create table users (id bigserial primary key, name text not null, email text not null,"
                                    + " active boolean not null default true, password_hash text, created_at timestamptz not null default now())");
                    pg.execute("create table audit_log (id bigserial primary key, line text)");
                    pg.execute(
                            "insert into users (name, email) values ('Ada', 'ada@example.com'), ('Linus', 'linus@example.com')");
                    return pg;
                },
                x -> {}));
        admin = AdminExamples.shaped(pg, mongo);
        app.install(admin);
        server = TestServer.start(app);
    }

    @AfterAll
    static void stop() {
        server.stop();
        postgres.close();
    }

    @Test
    void theShapedAdminShowsItsColumnsRunsItsActionAndAGrantedUserMayDoOnlyWhatWasGranted() throws Exception {
        AdminExamples.grant(admin, "support-password");
        HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + server.port();
        post(
                http,
                base + "/admin/login",
                csrf(get(http, base + "/admin/login")),
                "username",
                "support",
                "password",
                "support-password");
        String list = get(http, base + "/admin/m/users");
        assertThat(list)
                .contains("E-mail address")
                .contains("Ada")
                .doesNotContain("password_hash")
                .doesNotContain("Audit log");
        assertThat(list).contains("Deactivate"); // support may change users, which is what an action needs
        HttpResponse<String> refused =
                post(http, base + "/admin/m/users/new", csrf(list), "v:name", "Eve", "v:email", "eve@example.com");
        assertThat(refused.statusCode()).isEqualTo(403);

        admin.saveUser("root", "root-password", true, java.util.Set.of());
        HttpClient rootHttp =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        post(
                rootHttp,
                base + "/admin/login",
                csrf(get(rootHttp, base + "/admin/login")),
                "username",
                "root",
                "password",
                "root-password");
        String rootList = get(rootHttp, base + "/admin/m/users");
        assertThat(rootList).contains("Deactivate");
        HttpResponse<String> done =
                post(rootHttp, base + "/admin/m/users/bulk", csrf(rootList), "action", "deactivate", "ids", "1");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(pg.value(Boolean.class, "select active from users where id = 1"))
                .hasValue(false);
        assertThat(get(rootHttp, base + "/admin/m/users")).contains("1 users deactivated by root");
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static HttpResponse<String> post(HttpClient http, String url, String token, String... kv) throws Exception {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        for (int i = 0; i < kv.length; i += 2)
            body.append('&')
                    .append(URLEncoder.encode(kv[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
