package dev.tulip.pg;

import dev.tulip.Tulip;
import dev.tulip.pg.internal.Client;
import dev.tulip.pg.internal.ConnectUrl;
import dev.tulip.pg.internal.ErrorResponses;
import dev.tulip.spi.EventLoops;
import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;

/**
 * A PostgreSQL database for an app: {@code var pg = Pg.create(cfg -> cfg.url(...)); app.install(pg);}
 * then handlers call {@code pg.rows(...)}, {@code pg.one(...)}, {@code pg.transaction(...)}. The
 * pool opens when the app starts (after its event loops exist, before it binds; migrations run then)
 * and closes after the drain. Its connections run on the app's own event loops, pipelined, with
 * prepared statements cached per connection.
 *
 * <p>Values: {@code int2/4/8} are {@code Short/Integer/Long}, {@code numeric} {@code BigDecimal}
 * (NaN: {@code Double.NaN}), {@code float4/8} {@code Float/Double} (NaN and infinities kept),
 * {@code text/varchar} and enums {@code String}, {@code bool}, {@code bytea} {@code byte[]},
 * {@code uuid}, {@code date/time/timestamp/timestamptz} {@code LocalDate/LocalTime/LocalDateTime/
 * OffsetDateTime} (infinity is {@code MAX}, -infinity {@code MIN}), {@code interval} {@link Interval},
 * {@code json/jsonb} Jackson {@code JsonNode}, arrays Java arrays; NULL is {@code null}.
 *
 * <p>Installed, it maps errors to responses (unless {@code cfg.mapErrors(false)}): unique and
 * foreign-key violations 409, check and not-null violations 422, a statement timeout 504, an
 * unreachable database or a full wait queue a fast 503 with {@code Retry-After}.
 */
public final class Pg implements Integration, Queries, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tulip.pg");
    private final InstallOnce once = new InstallOnce("Pg");
    private final PgConfig config;
    private final PgAsync async = new AsyncQueries(this::run);
    private final Queries queries = new BlockingQueries(async);
    private volatile Client client;

    /** Work run inside a transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Tx tx) throws Exception;
    }

    private Pg(PgConfig config) {
        this.config = config;
    }

    /** A database for an app, configured by {@code configure}; it opens when the app starts. */
    public static Pg create(Consumer<PgConfig.Builder> configure) {
        PgConfig.Builder b = PgConfig.builder();
        configure.accept(b);
        return new Pg(b.build());
    }

    /** A database opened now, outside any app, on Vert.x's own loops: for scripts and tests; close it. */
    public static Pg connect(Consumer<PgConfig.Builder> configure) {
        Pg pg = create(configure);
        pg.open(null);
        return pg;
    }

    @Override
    public void install(Setup setup) {
        once.claim(setup);
        setup.resource("PostgreSQL pool", ctx -> open(setup.runtime().loops()), Pg::close);
        if (config.mapErrors()) ErrorResponses.install(setup.app());
    }

    private synchronized Pg open(EventLoops loops) {
        if (client != null) throw new IllegalStateException("this Pg is open already");
        String url = config.url()
                .get()
                .orElseThrow(
                        () -> new IllegalStateException(
                                "no PostgreSQL url: set DATABASE_URL (postgres://user:password@host:5432/db), or cfg.url(...) in code"));
        try {
            client = Client.open(config, url, loops);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not open the PostgreSQL pool for " + ConnectUrl.redacted(url) + ": " + e.getMessage(), e);
        }
        LOG.info(
                "PostgreSQL pool for {} ({} connections{})",
                ConnectUrl.redacted(url),
                config.poolSize(),
                loops == null ? "" : ", on the app's " + loops.transport() + " loops");
        if (config.migrations().isPresent()) {
            try {
                migrate(config.migrations().get());
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        return this;
    }

    /** Closes the pool (the app does this after its drain); queries then fail. */
    @Override
    public synchronized void close() {
        Client c = client;
        client = null;
        if (c == null) return;
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing the PostgreSQL pool: {}", e.toString());
        }
    }

    /** The configuration. */
    public PgConfig config() {
        return config;
    }

    private Client client() {
        Client c = client;
        if (c == null)
            throw new IllegalStateException("the PostgreSQL pool is not open: install this Pg into an app and start it"
                    + " (queries work from the app's start until its stop), or use Pg.connect");
        return c;
    }

    private <R> CompletionStage<R> run(Function<SqlClient, Future<R>> op) {
        return client().run(op);
    }

    /** The queries as {@link CompletionStage}s, for non-blocking handlers and for several queries in flight at once. */
    public PgAsync async() {
        return async;
    }

    /**
     * Issues the queries of {@code work} together and waits for its result: {@code work} runs once,
     * on an event loop, where queries start inline and share round trips ({@code pg.together(db ->
     * db.rows(...).thenCombine(db.rows(...), ...))}). It must not block. For virtual threads that
     * need several independent queries at once.
     */
    public <T> T together(Function<PgAsync, ? extends CompletionStage<T>> work) {
        return Tulip.await(client().onLoop(() -> work.apply(async)));
    }

    /** Runs {@code work} in a read-committed transaction: commits when it returns, rolls back when it throws. */
    public <T> T transaction(TxWork<T> work) {
        return transaction(TxOptions.DEFAULT, work);
    }

    /**
     * Runs {@code work} in a transaction with {@code options}: commits when it returns, rolls back and
     * rethrows when it throws (a checked exception wrapped in {@link PgTransactionException}); a serialization failure or deadlock runs it again, up to
     * {@code options.retries()} times, after a growing, jittered wait.
     */
    public <T> T transaction(TxOptions options, TxWork<T> work) {
        Duration wait = options.backoff();
        for (int attempt = 0; ; attempt++) {
            try {
                return session(tx -> once(tx, options, work));
            } catch (PgException e) {
                if (!e.retryable() || attempt >= options.retries()) throw e;
                long ms = wait.toMillis();
                try {
                    Thread.sleep(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1));
                } catch (InterruptedException ie) {
                    throw PgTransactionException.of(ie);
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0
                        ? Duration.ofSeconds(1)
                        : wait.multipliedBy(2);
            }
        }
    }

    private static <T> T once(Tx tx, TxOptions options, TxWork<T> work) throws Exception {
        tx.simple("BEGIN ISOLATION LEVEL " + options.isolation().sql + (options.readOnly() ? " READ ONLY" : ""));
        T result;
        try {
            result = work.run(tx);
        } catch (Exception | Error e) {
            try {
                tx.simple("ROLLBACK");
            } catch (RuntimeException re) {
                e.addSuppressed(re);
            }
            throw e;
        }
        tx.simple("COMMIT");
        return result;
    }

    /** {@code work} on one connection of its own, outside any transaction unless it begins one. */
    <T> T session(TxWork<T> work) {
        Client.Held held = Tulip.await(client().connection());
        try {
            return work.run(new Tx(held));
        } catch (Exception e) {
            throw PgTransactionException.of(e);
        } finally {
            Tulip.await(held.release());
        }
    }

    /**
     * Applies the {@code NNN_name.sql} files of classpath directory {@code dir} that are not applied
     * yet, in order, each in its own transaction, under an advisory lock (so processes starting
     * together apply each once); an applied file that was edited is refused. Returns the files
     * applied now. With {@code cfg.migrations(dir)} this runs when the app starts.
     */
    public List<String> migrate(String dir) {
        try {
            return Migrations.apply(
                    this, Migrations.fromClasspath(dir, Thread.currentThread().getContextClassLoader()));
        } catch (PgMigrationException | PgException | PgUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new PgMigrationException("migrations from '" + dir + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * Listens on {@code channel}: {@code onMessage} gets each notification's payload (on an event
     * loop: don't block in it), {@code onGap} each span during which the connection was lost and
     * notifications may have been missed. It reconnects by itself until closed.
     */
    public Subscription listen(String channel, Consumer<String> onMessage, Consumer<Subscription.Gap> onGap) {
        try {
            return Listen.open(client().vertx(), client().connectOptions(), channel, onMessage, onGap);
        } catch (Exception e) {
            throw new PgUnavailableException("could not LISTEN on " + channel + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads {@code rows} into {@code table}'s {@code columns} with {@code COPY} (much faster than
     * inserts), over a connection of its own through pgjdbc (which the app must have); blocks the
     * calling thread, so call it from a virtual thread. Returns the rows loaded.
     */
    public long copyIn(String table, List<String> columns, Iterable<Object[]> rows) {
        return Copy.in(client().connectOptions(), table, columns, rows);
    }

    @Override
    public List<Row> rows(String sql, Object... params) {
        return queries.rows(sql, params);
    }

    @Override
    public <T> List<T> rows(Class<T> type, String sql, Object... params) {
        return queries.rows(type, sql, params);
    }

    @Override
    public Optional<Row> one(String sql, Object... params) {
        return queries.one(sql, params);
    }

    @Override
    public <T> Optional<T> one(Class<T> type, String sql, Object... params) {
        return queries.one(type, sql, params);
    }

    @Override
    public <T> Optional<T> value(Class<T> type, String sql, Object... params) {
        return queries.value(type, sql, params);
    }

    @Override
    public long execute(String sql, Object... params) {
        return queries.execute(sql, params);
    }

    @Override
    public long executeMany(String sql, List<Object[]> batch) {
        return queries.executeMany(sql, batch);
    }

    @Override
    public ArrayNode json(String sql, Object... params) {
        return queries.json(sql, params);
    }
}
