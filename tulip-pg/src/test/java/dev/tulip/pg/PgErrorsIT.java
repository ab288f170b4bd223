package dev.tulip.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import dev.tulip.test.TestClient;
import dev.tulip.test.TestResponse;
import dev.tulip.test.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a client sees when the database refuses: statuses, and messages that name constraints, not SQL. */
class PgErrorsIT {
    private static TestServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        String url = TestDb.freshDatabase();
        try (Pg setup = Pg.connect(cfg -> cfg.url(url))) {
            setup.execute("create table team (id int primary key)");
            setup.execute(
                    "create table member (email text unique, age int check (age >= 0) constraint age_ok check (age < 200),"
                            + " name text not null, team int references team (id))");
            setup.execute("insert into team values (1)");
            setup.execute("insert into member values ('taken@example.com', 30, 'x', 1)");
        }
        Pg pg = Pg.create(cfg -> cfg.url(url)
                .statementTimeout(Duration.ofMillis(200))
                .poolSize(1)
                .waitQueue(1)
                .pipeliningLimit(1));
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.install(pg);
        app.post(
                "/member",
                req -> pg.execute(
                        "insert into member values ($1, $2, $3, $4)",
                        req.query("email", "a@example.com"),
                        req.queryInt("age", 1),
                        req.query("name").orElse(null),
                        req.queryInt("team", 1)));
        app.get("/slow", req -> pg.execute("select pg_sleep(2)"));
        server = TestServer.start(app);
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aUniqueViolationIs409NamingTheConstraint() {
        TestResponse r = client.post("/member?email=taken@example.com&name=n", "");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("message").asString())
                .contains("member_email_key")
                .doesNotContain("insert");
    }

    @Test
    void aForeignKeyViolationIs409() {
        TestResponse r = client.post("/member?email=fk@example.com&name=n&team=99", "");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("message").asString()).contains("member_team_fkey");
    }

    @Test
    void aCheckViolationIs422NamingTheConstraint() {
        TestResponse r = client.post("/member?email=c@example.com&name=n&age=300", "");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("message").asString()).contains("age_ok");
    }

    @Test
    void aNotNullViolationIs422NamingTheColumn() {
        TestResponse r = client.post("/member?email=nn@example.com", "");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("message").asString()).contains("'name'");
    }

    @Test
    void aStatementTimeoutIs504() {
        TestResponse r = client.get("/slow");
        assertThat(r.status()).isEqualTo(504);
    }

    @Test
    void aFullWaitQueueIsAFast503WithRetryAfter() {
        // one connection, one query at a time, one waiter: of a burst of slow queries, most are refused at once
        List<CompletableFuture<TestResponse>> all = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 6; i++)
            all.add(CompletableFuture.supplyAsync(() -> server.client().get("/slow")));
        List<TestResponse> responses = all.stream().map(CompletableFuture::join).toList();
        assertThat(responses).extracting(TestResponse::status).contains(504).contains(503);
        assertThat(responses)
                .filteredOn(r -> r.status() == 503)
                .allSatisfy(r -> assertThat(r.header("Retry-After")).hasValue("1"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnreachableDatabaseIsA503WithinASecond() {
        Pg down = Pg.create(cfg -> cfg.url("postgres://postgres@127.0.0.1:1/none"));
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.install(down);
        app.get("/q", req -> down.value(Integer.class, "select 1"));
        TestServer s = TestServer.start(app);
        try {
            long t0 = System.nanoTime();
            TestResponse r = s.client().get("/q");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("Retry-After")).hasValue("1");
        } finally {
            s.stop();
        }
    }
}
