package dev.tulip.web;

import dev.tulip.Request;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session of one request, put there by {@link Sessions}: text values by key, saved with the
 * response when they changed. Values are text; store an id (a user id, a cart id) rather than an
 * object. With the default cookie store the values travel to the client signed but readable, so
 * keep secrets out of them.
 *
 * <pre>{@code
 * app.post("/login", req -> {
 *     String user = checkPassword(
 *             req.formValue("user").orElse(""), req.formValue("password").orElse(""));
 *     Session.of(req).rotate().put("user", user); // a new id once the privileges change
 *     return Response.redirect(303, "/");
 * });
 * app.get("/me", req -> Session.of(req).get("user").map(u -> Map.of("user", u)));
 * }</pre>
 */
public final class Session {
    static final String ATTRIBUTE = "dev.tulip.web.session";

    private final Supplier<String> newId;
    private final Map<String, String> values;
    private final boolean isNew;
    private final String loadedId; // the id it came in with, null for a new session
    private String id;
    private boolean modified;
    private boolean invalidated;
    private boolean accessed;

    Session(String id, Map<String, String> values, boolean isNew, Supplier<String> newId) {
        this.id = id;
        this.loadedId = isNew ? null : id;
        this.values = new LinkedHashMap<>(values);
        this.isNew = isNew;
        this.newId = newId;
    }

    /** The session of {@code req}; fails if no {@link Sessions} middleware runs around the handler. */
    public static Session of(Request req) {
        return req.attribute(ATTRIBUTE, Session.class)
                .orElseThrow(() -> new IllegalStateException(
                        "no session on this request: install the middleware first, app.use(Sessions.create(...))"));
    }

    /** The session's id: unguessable, new for a new session and after {@link #rotate()}. */
    public synchronized String id() {
        accessed = true;
        return id;
    }

    /** Whether the request brought no valid session (none, expired, or a bad signature). */
    public boolean isNew() {
        return isNew;
    }

    /** The value under {@code key}. */
    public synchronized Optional<String> get(String key) {
        accessed = true;
        return Optional.ofNullable(values.get(key));
    }

    /** Sets {@code key} to {@code value} (not null: {@link #remove} it instead). */
    public synchronized Session put(String key, String value) {
        if (key == null || value == null) throw new IllegalArgumentException("session key and value must not be null");
        accessed = true;
        modified |= !value.equals(values.put(key, value));
        invalidated = false;
        return this;
    }

    /** Removes {@code key}. */
    public synchronized Session remove(String key) {
        accessed = true;
        modified |= values.remove(key) != null;
        return this;
    }

    /** A copy of every value. */
    public synchronized Map<String, String> values() {
        accessed = true;
        return Map.copyOf(values);
    }

    /**
     * Gives the session a new id, keeping its values: call it when the privileges change (after a
     * login), so an id an attacker planted before does not become a logged-in one (session fixation).
     */
    public synchronized Session rotate() {
        accessed = true;
        id = newId.get();
        modified = true;
        return this;
    }

    /**
     * Ends the session (logout): its values are dropped and the client is told to delete its
     * cookie. Values put afterwards start a new session, with a new id.
     */
    public synchronized void invalidate() {
        accessed = true;
        id = newId.get();
        values.clear();
        invalidated = true;
        modified = false;
    }

    // ---- for Sessions and Csrf -------------------------------------------------------------------

    synchronized boolean accessed() {
        return accessed;
    }

    synchronized boolean modified() {
        return modified;
    }

    synchronized boolean invalidated() {
        return invalidated;
    }

    /** The id the request brought, if it brought a valid session. */
    Optional<String> loadedId() {
        return Optional.ofNullable(loadedId);
    }

    /** Whether the client will hold this session after the response: it came with one, or it is saved now. */
    synchronized boolean persisted() {
        return !invalidated && (!isNew || modified);
    }

    /** The id without marking the session as read. */
    synchronized String currentId() {
        return id;
    }

    synchronized Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
