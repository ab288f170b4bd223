package dev.tulip.pg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.pg.embedded.EmbeddedPg;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FlushesIT {

    @Test
    void pipelinedQueriesIssuedInOneLoopTaskAllAnswerOnAConsolidatedConnection() throws Exception {
        try (EmbeddedPg server = EmbeddedPg.startTemporary()) {
            Vertx vertx = Vertx.vertx();
            List<Boolean> consolidated = new CopyOnWriteArrayList<>();
            SqlClient client = PgBuilder.client()
                    .with(new PoolOptions().setMaxSize(1))
                    .withConnectHandler(conn -> {
                        consolidated.add(Flushes.consolidate(conn));
                        conn.close();
                    })
                    .connectingTo(new PgConnectOptions()
                            .setHost("127.0.0.1")
                            .setPort(server.port())
                            .setDatabase("postgres")
                            .setUser("postgres")
                            .setPipeliningLimit(256))
                    .using(vertx)
                    .build();
            try {
                ContextInternal ctx = (ContextInternal) vertx.getOrCreateContext();
                CompletableFuture<List<Integer>> all = new CompletableFuture<>();
                ctx.runOnContext(v -> {
                    List<Future<Integer>> each = new ArrayList<>();
                    for (int i = 0; i < 50; i++)
                        each.add(client.preparedQuery("select $1::int * 2")
                                .execute(Tuple.of(i))
                                .map(rows -> rows.iterator().next().getInteger(0)));
                    Future.all(each).onComplete(r -> {
                        if (r.failed()) all.completeExceptionally(r.cause());
                        else all.complete(each.stream().map(Future::result).toList());
                    });
                });
                List<Integer> doubled = all.get(30, TimeUnit.SECONDS);
                assertThat(consolidated).containsExactly(true);
                for (int i = 0; i < 50; i++) assertThat(doubled.get(i)).isEqualTo(2 * i);
            } finally {
                client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
