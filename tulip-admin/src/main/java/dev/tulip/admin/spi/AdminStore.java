package dev.tulip.admin.spi;

import dev.tulip.web.SessionStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the admin keeps its own data, in a database the app already has, so that several
 * instances behind a balancer share logins and throttling: users, sessions, login failures.
 */
public interface AdminStore {

    /** Creates the store's tables or collections if they are missing (idempotent, safe to race). */
    void migrate();

    Optional<AdminUser> user(String username);

    /** Creates or replaces the user {@code user.username()}. */
    void saveUser(AdminUser user);

    /** Whether any user exists (the first run creates one). */
    boolean hasUsers();

    /**
     * A random secret of at least 32 bytes, made on first use and kept, the same for every
     * instance that shares the store: it signs the admin's session cookie.
     */
    String secret();

    /** The sessions of the admin's session cookie. */
    SessionStore sessions();

    /**
     * Records a failed login under {@code key} (an account or an address) and returns the failures
     * recorded under it within the last {@code window}, this one included.
     */
    int recordFailure(String key, Duration window);

    /** The failures recorded under {@code key} within the last {@code window}. */
    int failures(String key, Duration window);

    /** Forgets the failures of {@code key} (after a successful login). */
    void clearFailures(String key);
}
