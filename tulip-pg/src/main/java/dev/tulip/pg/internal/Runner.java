package dev.tulip.pg.internal;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Runs a Vert.x operation on the right context and returns its result as a stage, failures mapped. */
@FunctionalInterface
public interface Runner {
    <R> CompletionStage<R> run(Function<SqlClient, Future<R>> op);
}
