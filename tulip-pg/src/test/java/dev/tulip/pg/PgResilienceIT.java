package dev.tulip.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import dev.tulip.pg.embedded.EmbeddedPg;
import dev.tulip.test.TestClient;
import dev.tulip.test.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL of its own, stopped and restarted under the app. */
class PgResilienceIT {
    @TempDir
    static Path data;

    private static EmbeddedPg server;

    @BeforeAll
    static void start() {
        server = EmbeddedPg.start(data.resolve("pg"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void duringAnOutageRequestsFailFastWith503AndTheAppRecoversWhenPostgresIsBack() throws Exception {
        Pg pg = Pg.create(cfg -> cfg.url(server.url()).poolSize(4));
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.install(pg);
        app.get("/q", req -> pg.value(Integer.class, "select 1 + $1", 1).orElseThrow());
        TestServer s = TestServer.start(app);
        try {
            TestClient client = s.client().withTimeout(Duration.ofSeconds(10));
            for (int i = 0; i < 20; i++) assertThat(client.get("/q").status()).isEqualTo(200);

            server.stop();
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                int status = client.get("/q").status();
                assertThat(status).isEqualTo(503);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            }

            server.restart();
            long back = System.nanoTime();
            int status = 0;
            while (System.nanoTime() - back < TimeUnit.SECONDS.toNanos(10)) {
                status = client.get("/q").status();
                if (status == 200) break;
                Thread.sleep(50);
            }
            assertThat(status).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(5));
            for (int i = 0; i < 20; i++) assertThat(client.get("/q").status()).isEqualTo(200);
        } finally {
            s.stop();
        }
    }

    @Test
    void aSubscriptionReconnectsAfterARestartAndReportsTheGap() throws Exception {
        try (Pg pg = Pg.connect(cfg -> cfg.url(server.url()))) {
            List<String> messages = new CopyOnWriteArrayList<>();
            List<Subscription.Gap> gaps = new CopyOnWriteArrayList<>();
            try (Subscription sub = pg.listen("events", messages::add, gaps::add)) {
                await(sub::listening);
                pg.execute("select pg_notify('events', 'before')");
                await(() -> messages.contains("before"));

                server.stop();
                await(() -> !sub.listening());
                server.restart();
                await(sub::listening);
                assertThat(gaps).singleElement().satisfies(g -> {
                    assertThat(g.channel()).isEqualTo("events");
                    assertThat(g.resumed()).isAfter(g.lost());
                });
                pg.execute("select pg_notify('events', 'after')");
                await(() -> messages.contains("after"));
            }
            assertThat(messages).containsExactly("before", "after");
        }
    }

    private static void await(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not met within 15 s");
            Thread.sleep(20);
        }
    }
}
