package dev.tulip;

/**
 * Turns an exception thrown while handling a request into a result (see {@link Handler} for what
 * a result may be). Registered by type with {@link Tulip#exception}; the most specific type wins.
 *
 * @param <E> the exception type handled
 */
@FunctionalInterface
public interface ExceptionHandler<E extends Throwable> {

    /** Returns the result to send for {@code error}, raised while handling {@code request}. */
    Object handle(E error, Request request) throws Exception;
}
