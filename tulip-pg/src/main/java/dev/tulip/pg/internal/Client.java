package dev.tulip.pg.internal;

import dev.tulip.pg.PgConfig;
import dev.tulip.spi.EventLoops;
import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.transport.Transport;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The open pool: a Vert.x instance, one Vert.x context per app event loop (so a query's connection
 * lives on the loop of its caller: no thread hop), Vert.x's pipelined pool for queries (its flushes
 * consolidated, {@link Flushes}) and a plain pool for transactions. A query from an
 * event loop runs on that loop's context; one from a virtual thread on a context picked by thread.
 */
public final class Client implements Runner {
    private final Vertx vertx;
    private final Pool pool;
    private final Pool sessions;
    private final PgConnectOptions connect;
    private final List<ContextInternal> contexts;
    private final Map<Thread, ContextInternal> byThread;

    private Client(
            Vertx vertx,
            Pool pool,
            Pool sessions,
            PgConnectOptions connect,
            List<ContextInternal> contexts,
            Map<Thread, ContextInternal> byThread) {
        this.vertx = vertx;
        this.pool = pool;
        this.sessions = sessions;
        this.connect = connect;
        this.contexts = contexts;
        this.byThread = byThread;
    }

    /** Opens the pool on {@code loops} (or on Vert.x's own, {@link PgConfig.LoopMode#SEPARATE}). */
    public static Client open(PgConfig cfg, String url, EventLoops loops) throws Exception {
        PgConnectOptions connect = ConnectUrl.parse(url)
                .setPipeliningLimit(cfg.pipeliningLimit())
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheMaxSize(cfg.statementCacheSize());
        Map<String, String> props = new HashMap<>(connect.getProperties());
        props.put(
                "application_name",
                ConnectUrl.query(url.replaceFirst("^postgres", "http"))
                        .getOrDefault("application_name", cfg.applicationName()));
        props.put("statement_timeout", Long.toString(cfg.statementTimeout().toMillis()));
        connect.setProperties(props);

        // no app loops (Pg.connect): Vert.x's own, on the best transport it finds
        Transport transport = loops == null
                ? java.util.Objects.requireNonNullElse(Transport.nativeTransport(), Transport.NIO)
                : transport(loops.transport());
        boolean shared = loops != null && cfg.loops() == PgConfig.LoopMode.SHARED && transport != null;
        int ownLoops = shared ? 1 : loops == null ? 2 : loops.loops().size();
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions()
                        .setEventLoopPoolSize(ownLoops)
                        .setWorkerPoolSize(1)
                        .setInternalBlockingPoolSize(1)
                        .setDisableTCCL(true)
                        .setPreferNativeTransport(transport != Transport.NIO))
                .withTransport(transport != null ? transport : Transport.NIO)
                .build();
        List<ContextInternal> contexts = new ArrayList<>();
        Map<Thread, ContextInternal> byThread = new HashMap<>();
        if (shared) {
            for (EventLoop loop : loops.loops()) {
                ContextInternal ctx = ((VertxInternal) vertx)
                        .contextBuilder()
                        .withEventLoop(loop)
                        .build();
                contexts.add(ctx);
                byThread.put(loop.submit(Thread::currentThread).get(5, TimeUnit.SECONDS), ctx);
            }
        }
        PoolOptions po = new PoolOptions()
                .setMaxSize(cfg.poolSize())
                .setMaxWaitQueueSize(cfg.waitQueue())
                .setConnectionTimeout((int) cfg.acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) cfg.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxLifetime((int) cfg.maxLifetime().toMillis())
                .setMaxLifetimeUnit(TimeUnit.MILLISECONDS)
                .setPoolCleanerPeriod(1000);
        NetClientOptions net = new NetClientOptions()
                .setConnectTimeout((int) cfg.connectTimeout().toMillis())
                .setTcpNoDelay(true);
        // queries share pipelined connections; a pipelined pool lends none, so transactions have their own
        SqlClient client = PgBuilder.client()
                .with(po)
                .with(net)
                .withConnectHandler(conn -> {
                    Flushes.consolidate(conn); // one write per loop task, not per query
                    conn.close(); // hands it to the pool
                })
                .connectingTo(connect)
                .using(vertx)
                .build();
        Pool sessions = PgBuilder.pool()
                .with(new PoolOptions(po))
                .with(net)
                .connectingTo(connect)
                .using(vertx)
                .build();
        return new Client(vertx, (Pool) client, sessions, connect, List.copyOf(contexts), Map.copyOf(byThread));
    }

    private static Transport transport(String name) {
        return switch (name) {
            case "epoll" -> Transport.EPOLL;
            case "io_uring" -> Transport.IO_URING;
            case "nio" -> Transport.NIO;
            default -> null; // a loop supplier's own: Vert.x keeps its own loops
        };
    }

    /** The context for the calling thread: its loop's, or one picked by thread id; empty when Vert.x picks. */
    ContextInternal context() {
        if (contexts.isEmpty()) return null;
        Thread t = Thread.currentThread();
        ContextInternal own = byThread.get(t);
        return own != null ? own : contexts.get((int) (t.threadId() % contexts.size()));
    }

    @Override
    public <R> CompletionStage<R> run(Function<SqlClient, Future<R>> op) {
        return on(context(), () -> op.apply(pool));
    }

    /** Runs {@code op} dispatched on {@code ctx} (none: on the caller), its result a stage with failures mapped. */
    public static <R> CompletionStage<R> on(ContextInternal ctx, java.util.function.Supplier<Future<R>> op) {
        CompletableFuture<R> cf = new CompletableFuture<>();
        Runnable start = () -> {
            try {
                op.get().onComplete((v, e) -> {
                    if (e != null) cf.completeExceptionally(Failures.map(e));
                    else cf.complete(v);
                });
            } catch (RuntimeException e) {
                cf.completeExceptionally(Failures.map(e));
            }
        };
        if (ctx == null) start.run();
        else ctx.dispatch(start);
        return cf;
    }

    /**
     * Runs {@code work} on the event loop of the caller's context, in one hop, and returns its stage:
     * the queries it issues start inline on the loop, as a non-blocking handler's do.
     */
    public <R> CompletionStage<R> onLoop(java.util.function.Supplier<? extends CompletionStage<R>> work) {
        ContextInternal ctx = context();
        if (ctx == null || ctx.nettyEventLoop().inEventLoop()) return work.get();
        CompletableFuture<R> cf = new CompletableFuture<>();
        ctx.nettyEventLoop()
                .execute(() -> ctx.dispatch(() -> {
                    try {
                        work.get().whenComplete((v, e) -> {
                            if (e != null) cf.completeExceptionally(e);
                            else cf.complete(v);
                        });
                    } catch (RuntimeException e) {
                        cf.completeExceptionally(e);
                    }
                }));
        return cf;
    }

    /** A connection of its own (for a transaction), with the context it runs on. */
    public CompletionStage<Held> connection() {
        ContextInternal ctx = context();
        return on(ctx, sessions::getConnection).thenApply(c -> new Held(c, ctx));
    }

    /** A connection taken from the pool, and the context its operations are dispatched on. */
    public record Held(io.vertx.sqlclient.SqlConnection connection, ContextInternal context) {
        /** Runs {@code op} on the connection, on its context. */
        public <R> CompletionStage<R> run(Function<SqlClient, Future<R>> op) {
            return on(context, () -> op.apply(connection));
        }

        /** Returns the connection to the pool. */
        public CompletionStage<Void> release() {
            return on(context, connection::close);
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    public PgConnectOptions connectOptions() {
        return connect;
    }

    /** Closes the pool and the Vert.x instance (never the app's loops: Vert.x did not create them). */
    public void close() throws Exception {
        try {
            pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            sessions.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
