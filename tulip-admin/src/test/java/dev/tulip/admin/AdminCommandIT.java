package dev.tulip.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.admin.internal.Passwords;
import dev.tulip.admin.internal.pg.PgAdminStore;
import dev.tulip.admin.internal.pg.TestDb;
import dev.tulip.pg.Pg;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command that creates an admin user, on a real (embedded) PostgreSQL. */
class AdminCommandIT {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return AdminCommand.run(
                List.of(args),
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void createsTheFirstAdminOnAFreshDatabaseWithThePasswordFromTheEnvironment() {
        String url = TestDb.freshDatabase();
        int code = run(
                Map.of("DATABASE_URL", url, "TULIP_ADMIN_PASSWORD", "a long password"),
                "create-user",
                "alice",
                "--superuser");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("saved admin user alice (superuser)")
                .doesNotContain("a long password");
        try (Pg pg = Pg.connect(cfg -> cfg.url(url).poolSize(1))) {
            var alice = new PgAdminStore(pg).user("alice").orElseThrow();
            assertThat(alice.superuser()).isTrue();
            assertThat(new Passwords().verify("a long password", alice.passwordHash()))
                    .isTrue();
        }
    }

    @Test
    void grantsNamedPermissionsAndRefusesBadUsage() {
        String url = TestDb.freshDatabase();
        Map<String, String> env = Map.of("DATABASE_URL", url, "TULIP_ADMIN_PASSWORD", "another password");
        assertThat(run(env, "create-user", "bob", "--permissions", "*:view,orders:change"))
                .isZero();
        try (Pg pg = Pg.connect(cfg -> cfg.url(url).poolSize(1))) {
            assertThat(new PgAdminStore(pg).user("bob").orElseThrow().permissions())
                    .containsExactlyInAnyOrder("*:view", "orders:change");
        }
        assertThat(run(env, "create-user", "eve", "--permissions", "orders:own"))
                .isEqualTo(2);
        assertThat(run(env, "drop-users")).isEqualTo(2);
        assertThat(run(Map.of("TULIP_ADMIN_PASSWORD", "another password"), "create-user", "eve"))
                .isEqualTo(2);
        assertThat(run(Map.of("DATABASE_URL", url, "TULIP_ADMIN_PASSWORD", "short"), "create-user", "eve"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("model:action")
                .contains("DATABASE_URL is not set")
                .contains("at least 8");
    }
}
