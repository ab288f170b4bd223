package dev.tulip.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** The one way Tulip waits for a {@link CompletionStage} on a (virtual) thread. */
public final class Await {
    private Await() {}

    /** Waits for {@code stage}, rethrowing its failure unwrapped (an {@link Error} as is). */
    public static Object await(CompletionStage<?> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof Exception ex) throw ex;
            if (t instanceof Error err) throw err;
            throw new CompletionException(t);
        }
    }
}
