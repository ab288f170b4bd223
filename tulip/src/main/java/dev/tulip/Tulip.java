package dev.tulip;

import dev.tulip.internal.Dispatcher;
import dev.tulip.internal.Loops;
import dev.tulip.internal.Router;
import dev.tulip.internal.http.HttpServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Tulip app: routes, middleware, lifecycle listeners and the server that runs them.
 *
 * <pre>{@code
 * var app = Tulip.create(cfg -> cfg.port(8000));
 * app.get("/hello", req -> Map.of("hello", "world"));
 * app.run(args);
 * }</pre>
 *
 * <p>{@link #run} is the main entry: it reads {@code TULIP_*} variables and {@code --setting}
 * arguments, serves until SIGTERM or SIGINT, drains gracefully and exits the JVM.
 * {@link #start}/{@link #stop} do the same without touching signals or the JVM, so several
 * apps can live in one process (tests).
 */
public final class Tulip implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tulip");

    static {
        dev.tulip.internal.Access.install(Tulip::dispatcher);
    }

    private enum State {
        NEW,
        RUNNING,
        STOPPED
    }

    private Config config;
    private final Router router = new Router();
    private final RouteGroup root = RouteGroup.root(router);
    private final Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> exceptionHandlers =
            new HashMap<>();
    private final List<Listener> beforeStart = new ArrayList<>();
    private final List<Listener> afterStart = new ArrayList<>();
    private final List<Listener> beforeStop = new ArrayList<>();
    private final List<Listener> afterStop = new ArrayList<>();
    private final AppContext context = new AppContext();
    private State state = State.NEW;
    private Loops loops;
    private HttpServer server;

    private Tulip(Config config) {
        this.config = config;
    }

    /** An app with the default {@link Config}. */
    public static Tulip create() {
        return new Tulip(Config.defaults());
    }

    /** An app configured in code: {@code Tulip.create(cfg -> cfg.port(9000).maxBodySize(1 << 20))}. */
    public static Tulip create(Consumer<Config.Builder> configure) {
        Config.Builder b = new Config.Builder();
        configure.accept(b);
        return new Tulip(b.build());
    }

    // ---- routes ----------------------------------------------------------------------------------

    @Override
    public synchronized Tulip route(String method, String path, Handler handler) {
        requireNew("add routes");
        root.route(method, path, handler);
        return this;
    }

    @Override
    public Tulip get(String path, Handler handler) {
        return route("GET", path, handler);
    }

    @Override
    public Tulip post(String path, Handler handler) {
        return route("POST", path, handler);
    }

    @Override
    public Tulip put(String path, Handler handler) {
        return route("PUT", path, handler);
    }

    @Override
    public Tulip patch(String path, Handler handler) {
        return route("PATCH", path, handler);
    }

    @Override
    public Tulip delete(String path, Handler handler) {
        return route("DELETE", path, handler);
    }

    /** Adds middleware around every request, including those answered 404, 405 or by automatic OPTIONS. */
    @Override
    public synchronized Tulip use(Middleware middleware) {
        requireNew("add middleware");
        root.use(middleware);
        return this;
    }

    @Override
    public synchronized Tulip group(String prefix, Consumer<Routes> routes) {
        requireNew("add routes");
        root.group(prefix, routes);
        return this;
    }

    /** Handles exceptions of {@code type} (and subtypes without a more specific handler) thrown by handlers or middleware. */
    public synchronized <E extends Throwable> Tulip exception(Class<E> type, ExceptionHandler<? super E> handler) {
        requireNew("add exception handlers");
        exceptionHandlers.put(type, handler);
        return this;
    }

    // ---- lifecycle ---------------------------------------------------------------------------------

    /** Runs before the server binds: set up shared resources here (once per app, not per event loop). */
    public synchronized Tulip onBeforeStart(Listener l) {
        beforeStart.add(l);
        return this;
    }

    /** Runs once the server accepts connections ({@link AppContext#port()} is known). */
    public synchronized Tulip onAfterStart(Listener l) {
        afterStart.add(l);
        return this;
    }

    /** Runs when stopping, while in-flight requests can still complete. */
    public synchronized Tulip onBeforeStop(Listener l) {
        beforeStop.add(l);
        return this;
    }

    /** Runs after the server drained and closed: release shared resources here (reverse order of registration). */
    public synchronized Tulip onAfterStop(Listener l) {
        afterStop.add(l);
        return this;
    }

    /** Starts serving on the configured host and port (0 picks a free port) and returns once it accepts connections. */
    public synchronized Tulip start() {
        requireNew("start");
        router.freeze(root::chain);
        Dispatcher dispatcher = newDispatcher();
        runAll("onBeforeStart", beforeStart, true);
        try {
            loops = Loops.create(config);
            server = new HttpServer(config, loops, dispatcher);
            context.bound(config.host(), server.bind());
        } catch (RuntimeException e) {
            if (loops != null) loops.shutdown(1000);
            state = State.STOPPED;
            throw e;
        }
        state = State.RUNNING;
        LOG.info(
                "Tulip serving on http://{}:{} ({}, {} event loop{}, {} routes)",
                hostForUrl(config.host()),
                context.port(),
                loops.transport(),
                config.eventLoops(),
                config.eventLoops() == 1 ? "" : "s",
                router.routes().size());
        runAll("onAfterStart", afterStart, true);
        return this;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * Stops gracefully: runs the before-stop listeners, stops accepting, lets in-flight requests
     * finish (closing idle keep-alive connections at once and busy ones after their response), cuts
     * what still runs after the drain timeout, then runs the after-stop listeners.
     *
     * @return {@code true} if every in-flight request completed, {@code false} if some were cut
     */
    public synchronized boolean stop() {
        if (state != State.RUNNING) return true;
        runAll("onBeforeStop", beforeStop, false);
        int cut = server.drain(config.drainTimeout());
        loops.shutdown(2000);
        state = State.STOPPED;
        List<Listener> reversed = new ArrayList<>(afterStop);
        java.util.Collections.reverse(reversed);
        runAll("onAfterStop", reversed, false);
        if (cut > 0)
            LOG.warn(
                    "Tulip stopped: {} in-flight request{} cut after the drain timeout of {}",
                    cut,
                    cut == 1 ? " was" : "s were",
                    config.drainTimeout());
        else LOG.info("Tulip stopped cleanly");
        return cut == 0;
    }

    /**
     * The main entry: applies {@code TULIP_*} environment variables and {@code --setting value}
     * arguments over the code's config, starts, serves until SIGTERM/SIGINT, stops gracefully and
     * exits the JVM: 0 after a clean drain, 1 if requests were cut, 2 for bad configuration.
     */
    public void run(String... args) {
        // handle signals before starting: SIGTERM right after the port opens must still drain gracefully
        dev.tulip.internal.Signals signals = dev.tulip.internal.Signals.install();
        try {
            synchronized (this) {
                config = config.toBuilder()
                        .fromEnv(System.getenv())
                        .fromArgs(args)
                        .build();
            }
            start();
        } catch (ConfigException e) {
            System.err.println("tulip: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            LOG.error("Tulip failed to start", e);
            System.exit(1);
        }
        boolean clean = signals.awaitStop(this::stop);
        System.exit(clean ? 0 : 1);
    }

    /** The port the server listens on (useful with port 0); -1 if not started. */
    public int port() {
        return context.port();
    }

    /** The app's config (after {@link #run} merged the environment and arguments into it). */
    public synchronized Config config() {
        return config;
    }

    /** The shared context listeners and handlers use. */
    public AppContext context() {
        return context;
    }

    /**
     * Waits for {@code stage} and returns its value; a failure is rethrown as its cause when that is
     * unchecked, else wrapped in {@link CompletionException}. For virtual-thread handlers: refuses to
     * run on an event loop, where it would stall every connection of that loop.
     */
    public static <T> T await(CompletionStage<T> stage) {
        if (Loops.onEventLoop()) {
            throw new IllegalStateException("Tulip.await would block the event loop: this handler is nonBlocking; "
                    + "return the CompletionStage instead, or drop Handler.nonBlocking");
        }
        try {
            @SuppressWarnings("unchecked")
            T t = (T) Dispatcher.await(stage);
            return t;
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** For the socket-free test client: the dispatcher of a started or unstarted app. */
    private synchronized Dispatcher dispatcher() {
        if (state == State.NEW) router.freeze(root::chain);
        return newDispatcher();
    }

    private Dispatcher newDispatcher() {
        return new Dispatcher(router, root.middleware, exceptionHandlers, context, config.jsonMapper());
    }

    private void runAll(String what, List<Listener> listeners, boolean failFast) {
        for (Listener l : listeners) {
            try {
                l.run(context);
            } catch (Exception e) {
                if (failFast) throw new IllegalStateException(what + " listener failed: " + e.getMessage(), e);
                LOG.error("{} listener failed", what, e);
            }
        }
    }

    private void requireNew(String what) {
        if (state != State.NEW) throw new IllegalStateException("cannot " + what + " after the app started");
    }
}
