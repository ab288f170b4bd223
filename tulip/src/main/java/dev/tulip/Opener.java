package dev.tulip;

/**
 * Opens a resource while an app starts: after its event loops exist and before it binds. The
 * value it returns is closed by the paired {@link Closer} when the app stops, or when a later
 * step of the start fails.
 *
 * @param <T> the resource
 */
@FunctionalInterface
public interface Opener<T> {

    /** Opens the resource; an exception aborts the start and closes what was opened before. */
    T open(AppContext context) throws Exception;
}
