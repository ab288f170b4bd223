package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.AdminStore;
import dev.tulip.admin.spi.AdminUser;
import dev.tulip.pg.Pg;
import dev.tulip.web.SessionStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The admin's users, sessions and login failures in tables of the app's PostgreSQL database
 * ({@code tulip_admin_users}, {@code tulip_admin_sessions}, {@code tulip_admin_login_failures}),
 * in its default schema, so that instances behind a balancer share them.
 */
public final class PgAdminStore implements AdminStore {
    private final Pg pg;
    private final SessionStore sessions;

    public PgAdminStore(Pg pg) {
        this.pg = pg;
        this.sessions = new PgSessionStore(pg);
    }

    @Override
    public void migrate() {
        pg.transaction(tx -> {
            tx.execute("set local client_min_messages = warning"); // no notice per table that exists
            tx.value(Object.class, "select pg_advisory_xact_lock($1)", StoreSchema.LOCK);
            for (String s : StoreSchema.STATEMENTS) tx.execute(s);
            tx.execute("delete from tulip_admin_sessions where expires_at < clock_timestamp()");
            return null;
        });
    }

    @Override
    public String secret() {
        byte[] fresh = new byte[32];
        new java.security.SecureRandom().nextBytes(fresh);
        // the first instance's secret wins; every later one reads it
        pg.execute(
                "insert into tulip_admin_settings (name, value) values ('secret', $1) on conflict (name) do nothing",
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(fresh));
        return pg.value(String.class, "select value from tulip_admin_settings where name = 'secret'")
                .orElseThrow(() -> new IllegalStateException("the admin's secret is missing: migrate() first"));
    }

    @Override
    public Optional<AdminUser> user(String username) {
        return pg.one(
                        "select username, password_hash, superuser, permissions, active from tulip_admin_users"
                                + " where username = $1",
                        username)
                .map(r -> new AdminUser(
                        r.get("username", String.class),
                        r.get("password_hash", String.class),
                        r.get("superuser", Boolean.class),
                        Set.copyOf(PgCatalog.strings(r.value("permissions"))),
                        r.get("active", Boolean.class)));
    }

    @Override
    public void saveUser(AdminUser user) {
        pg.execute(
                "insert into tulip_admin_users (username, password_hash, superuser, permissions, active)"
                        + " values ($1, $2, $3, $4, $5) on conflict (username) do update set"
                        + " password_hash = excluded.password_hash, superuser = excluded.superuser,"
                        + " permissions = excluded.permissions, active = excluded.active",
                user.username(),
                user.passwordHash(),
                user.superuser(),
                user.permissions().stream().sorted().toArray(String[]::new),
                user.active());
    }

    @Override
    public boolean hasUsers() {
        return pg.value(Boolean.class, "select exists (select 1 from tulip_admin_users)")
                .orElse(false);
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public int recordFailure(String key, Duration window) {
        pg.execute(
                "delete from tulip_admin_login_failures where key = $1"
                        + " and at <= clock_timestamp() - $2::int8 * interval '1 millisecond'",
                key,
                window.toMillis());
        return pg.value(
                        Long.class,
                        "with added as (insert into tulip_admin_login_failures (key) values ($1) returning 1)"
                                + " select count(*) + 1 from tulip_admin_login_failures"
                                + " where key = $1 and at > clock_timestamp() - $2::int8 * interval '1 millisecond'",
                        key,
                        window.toMillis())
                .orElseThrow()
                .intValue();
    }

    @Override
    public int failures(String key, Duration window) {
        return pg.value(
                        Long.class,
                        "select count(*) from tulip_admin_login_failures"
                                + " where key = $1 and at > clock_timestamp() - $2::int8 * interval '1 millisecond'",
                        key,
                        window.toMillis())
                .orElseThrow()
                .intValue();
    }

    @Override
    public void clearFailures(String key) {
        pg.execute("delete from tulip_admin_login_failures where key = $1", key);
    }
}
