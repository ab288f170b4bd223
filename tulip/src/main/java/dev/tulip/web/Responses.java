package dev.tulip.web;

import dev.tulip.Request;
import dev.tulip.Response;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Lets middleware change the response of any handler result: the one Tulip would send for it
 * ({@link Response#from}), and for a {@link CompletionStage} (a non-blocking route's) when it
 * completes, without blocking the event loop. An exception goes out unchanged.
 */
final class Responses {
    private Responses() {}

    /** {@code result} as a response that {@code change} has seen (a stage of one, for a stage). */
    static Object change(Object result, Request req, Consumer<Response> change) {
        if (result instanceof CompletionStage<?> stage) return stage.thenApply(v -> change(v, req, change));
        Response r = Response.from(result, req);
        change.accept(r);
        return r;
    }
}
