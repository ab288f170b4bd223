package dev.tulip.web;

import dev.tulip.Response;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Lets middleware change the response of any handler result: a result that is not a
 * {@link Response} becomes the one the server would send for it (text, bytes, JSON), and a
 * {@link CompletionStage} is changed when it completes. {@code null} and an empty {@code Optional}
 * (the server's 404) stay as they are, and go out unchanged; so does an exception.
 */
final class Responses {
    private Responses() {}

    /** {@code result} as a response that {@code change} has seen (or {@code result} itself, see above). */
    static Object change(Object result, Consumer<Response> change) {
        Response r;
        switch (result) {
            case null -> {
                return null;
            }
            case CompletionStage<?> stage -> {
                return stage.thenApply(v -> change(v, change));
            }
            case Optional<?> o -> {
                return o.isPresent() ? change(o.get(), change) : o;
            }
            case Response resp -> r = resp;
            case String s -> r = Response.text(s);
            case CharSequence cs -> r = Response.text(cs.toString());
            case byte[] b -> r = Response.bytes(b, "application/octet-stream");
            default -> r = Response.json(result);
        }
        change.accept(r);
        return r;
    }
}
