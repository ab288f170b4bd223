package dev.tulip;

/**
 * Closes a resource that an {@link Opener} opened: after the app drained its requests and before
 * its event loops stop. Resources close in the reverse order of opening; one that fails to close
 * does not keep the others open.
 *
 * @param <T> the resource
 */
@FunctionalInterface
public interface Closer<T> {

    /** Closes {@code resource}. */
    void close(T resource) throws Exception;
}
