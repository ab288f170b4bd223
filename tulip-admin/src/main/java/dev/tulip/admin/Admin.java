package dev.tulip.admin;

import dev.tulip.Cookie;
import dev.tulip.admin.internal.AdminModel;
import dev.tulip.admin.internal.AdminRoutes;
import dev.tulip.admin.internal.Auth;
import dev.tulip.admin.internal.DeletePages;
import dev.tulip.admin.internal.Guard;
import dev.tulip.admin.internal.ListPage;
import dev.tulip.admin.internal.Pages;
import dev.tulip.admin.internal.Passwords;
import dev.tulip.admin.internal.RecordPages;
import dev.tulip.admin.internal.Registry;
import dev.tulip.admin.spi.AdminStore;
import dev.tulip.admin.spi.AdminUser;
import dev.tulip.admin.spi.Backend;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import dev.tulip.web.Csrf;
import dev.tulip.web.Sessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An automatic admin over the app's PostgreSQL tables and MongoDB collections, installed like
 * every integration:
 *
 * <pre>{@code
 * app.install(pg);
 * app.install(mongo);
 * app.install(Admin.create(cfg -> cfg.pg(pg).mongo(mongo)));
 * }</pre>
 *
 * <p>When the app starts (after the databases opened), it reads their catalogs, creates its own
 * tables or collections (users, sessions, login failures) in the first database given, and
 * serves the admin under {@link AdminConfig#path()}. Its pages are server-rendered and work without
 * JavaScript; logins are throttled, sessions live in the database, every change needs a CSRF token
 * and the user's permission on the model.
 */
public final class Admin implements Integration {
    private static final Logger LOG = LoggerFactory.getLogger(Admin.class);
    private final AdminConfig config;
    private final Passwords passwords = new Passwords();
    private volatile AdminRoutes.State state;
    private volatile AdminStore store;
    private volatile Sessions sessions;

    private Admin(AdminConfig config) {
        this.config = config;
    }

    /** An admin configured by {@code configure}, which names the databases it covers. */
    public static Admin create(Consumer<AdminConfig.Builder> configure) {
        return new Admin(AdminConfig.build(configure));
    }

    public AdminConfig config() {
        return config;
    }

    @Override
    public void install(Setup setup) {
        Properties versions = versions();
        Csrf csrf = Csrf.create(c -> {});
        Guard guard = new Guard(config.path, config.title, () -> sessions, csrf);
        setup.app().group(config.path, g -> {
            g.use(guard);
            AdminRoutes.install(
                    g,
                    this::state,
                    Admin.class.getClassLoader(),
                    versions.getProperty("htmx"),
                    versions.getProperty("pico"));
        });
        setup.resource("tulip-admin", ctx -> open(), admin -> state = null);
    }

    private AdminRoutes.State state() {
        AdminRoutes.State s = state;
        if (s == null) throw new IllegalStateException("the admin is not open: the app has not started");
        return s;
    }

    private Admin open() {
        Map<String, Backend> backends = new LinkedHashMap<>();
        for (AdminConfig.Source src : config.sources) {
            String name = backends.containsKey(src.name()) ? src.name() + backends.size() : src.name();
            backends.put(name, src.backend().get());
        }
        // the admin's own data: where the app says, else the first PostgreSQL, else the first MongoDB
        AdminStore chosen = config.store
                .map(s -> s.get())
                .or(() -> config.sources.stream()
                        .filter(src -> src.name().equals("pg") && src.store().isPresent())
                        .findFirst()
                        .or(() -> config.sources.stream()
                                .filter(src -> src.store().isPresent())
                                .findFirst())
                        .map(src -> src.store().get().get()))
                .orElse(null);
        if (chosen == null)
            throw new IllegalStateException(
                    "the admin has nowhere to keep its users: give it a PostgreSQL or MongoDB, or cfg.store(...)");
        AdminStore st = chosen;
        st.migrate();
        List<AdminModel> models = Models.shape(config, backends); // the first read fails the start on a bad option
        Registry first = new Registry(models);
        String secret = st.secret();
        this.sessions = Sessions.create(s -> s.keys(secret)
                .cookieName("tulip_admin")
                .path(config.path)
                .sameSite(Cookie.SameSite.STRICT)
                .maxAge(config.sessionMaxAge)
                .store(st.sessions()));
        Auth auth = new Auth(
                st,
                passwords,
                config.path,
                config.maxFailuresPerAccount,
                config.maxFailuresPerAddress,
                config.failureWindow);
        Pages pages = new Pages(
                first,
                () -> new Registry(Models.shape(config, backends)),
                auth,
                config.path,
                config.title,
                config.pageSize,
                config.maxPageSize);
        this.store = st;
        if (config.initialUser.isPresent() && !st.hasUsers()) createInitialUser(st, config.initialUser.get());
        this.state = new AdminRoutes.State(pages, new ListPage(pages), new RecordPages(pages), new DeletePages(pages));
        LOG.info("admin at {}: {} models", config.path, models.size());
        return this;
    }

    private void createInitialUser(AdminStore st, String username) {
        boolean given = config.initialPassword.isPresent();
        String password = config.initialPassword.orElseGet(Admin::randomPassword);
        st.saveUser(new AdminUser(username, passwords.hash(password), true, Set.of(), true));
        if (given) LOG.info("created admin user {} with the password given in the configuration", username);
        else
            LOG.warn(
                    "created admin user {} with password {} (shown once: change it, or set it with TULIP_ADMIN_PASSWORD)",
                    username,
                    password);
    }

    /**
     * Creates or replaces admin user {@code username} (once the app has started): a superuser, or
     * one with {@code permissions} such as {@code "orders:view"}, {@code "orders:change"},
     * {@code "*:view"}.
     */
    public void saveUser(String username, String password, boolean superuser, Set<String> permissions) {
        AdminStore st = store;
        if (st == null) throw new IllegalStateException("the admin is not open: start the app first");
        if (password.length() < 8) throw new IllegalArgumentException("an admin password has at least 8 characters");
        st.saveUser(new AdminUser(username, passwords.hash(password), superuser, permissions, true));
    }

    static String randomPassword() {
        byte[] b = new byte[15];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in =
                Admin.class.getClassLoader().getResourceAsStream("META-INF/tulip-admin/versions.properties")) {
            if (in == null)
                throw new IllegalStateException("tulip-admin's versions.properties is missing from its jar");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
