package dev.tulip;

import dev.tulip.internal.AccessLog;
import dev.tulip.internal.Await;
import dev.tulip.internal.Direct;
import dev.tulip.internal.Dispatcher;
import dev.tulip.internal.Durations;
import dev.tulip.internal.Engine;
import dev.tulip.internal.Errors;
import dev.tulip.internal.Json;
import dev.tulip.internal.Log;
import dev.tulip.internal.Loops;
import dev.tulip.internal.Observers;
import dev.tulip.internal.Results;
import dev.tulip.internal.ReversePaths;
import dev.tulip.internal.Router;
import dev.tulip.internal.Signals;
import dev.tulip.internal.Unwind;
import dev.tulip.internal.http.HttpServer;
import dev.tulip.spi.InProcess;
import dev.tulip.spi.Integration;
import dev.tulip.spi.RequestObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Tulip app: routes, middleware, resources, lifecycle listeners and the server that runs them.
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
 *
 * <p>Starting runs, in order: the event loops are created, resources open (in declaration order,
 * those of integrations included), {@link #onBeforeStart} listeners run, the server binds, then
 * {@link #onAfterStart} listeners run. Stopping undoes it in reverse. A start that fails at any
 * step closes what had opened, leaves the app stopped and throws a {@link LifecycleException}.
 */
public final class Tulip implements Routes {
    /** Where an app is in its life; it goes through these once, in order. */
    public enum State {
        /** Being declared: routes, middleware, resources and integrations may be added. */
        NEW,
        /** {@code start()} is opening loops and resources or binding. */
        STARTING,
        /** Serving (or running in process). */
        RUNNING,
        /** Stopped, or a start failed and was unwound; create a new app to serve again. */
        STOPPED
    }

    private Config config;
    private final Router<RouteGroup.Declared> routes = new Router<>();
    private final RouteGroup root = RouteGroup.root(routes);
    private final Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> exceptionHandlers =
            new HashMap<>();
    private final List<Listener> beforeStart = new ArrayList<>();
    private final List<Listener> afterStart = new ArrayList<>();
    private final List<Listener> beforeStop = new ArrayList<>();
    private final List<Listener> afterStop = new ArrayList<>();
    private final AppContext context = new AppContext();
    private final AppRuntime runtime = new AppRuntime(this);
    private final Set<Integration> installed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Resource<?>> resources = new ArrayList<>();
    private final List<RequestObserver> observers = new ArrayList<>();
    private State state = State.NEW;
    /** The lame-duck phase under {@link #run} when the config sets none. */
    static final Duration RUN_LAME_DUCK = Duration.ofSeconds(1);

    private final List<HealthRoutes.Named> readiness = new ArrayList<>();
    private Unwind unwind;
    private HttpServer server;
    private int cut;

    /** A resource as declared: opened at start, closed at stop; stored in the context if it has a key. */
    record Resource<T>(String name, Key<T> key, Opener<T> open, Closer<? super T> close) {}

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

    @Override
    public Tulip head(String path, Handler handler) {
        return route("HEAD", path, handler);
    }

    @Override
    public Tulip options(String path, Handler handler) {
        return route("OPTIONS", path, handler);
    }

    /** Adds middleware around every request, including those answered 404, 405 or by automatic OPTIONS. */
    @Override
    public synchronized Tulip use(Middleware middleware) {
        requireNew("add middleware");
        root.use(middleware);
        return this;
    }

    @Override
    public synchronized Tulip maxBodySize(long bytes) {
        requireNew("set route limits");
        root.maxBodySize(bytes);
        return this;
    }

    @Override
    public synchronized Tulip handlerTimeout(java.time.Duration timeout) {
        requireNew("set route limits");
        root.handlerTimeout(timeout);
        return this;
    }

    @Override
    public synchronized Tulip streamBody() {
        requireNew("set route options");
        root.streamBody();
        return this;
    }

    @Override
    public synchronized Tulip name(String name) {
        requireNew("name routes");
        root.name(name);
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

    // ---- integrations and resources --------------------------------------------------------------

    /**
     * Installs {@code integration} now: it adds its routes, resources and hooks to this app (see
     * {@link dev.tulip.spi.Setup}). Integrations install in call order; installing one value twice
     * is an error.
     */
    public synchronized Tulip install(Integration integration) {
        requireNew("install integrations");
        if (integration == null) throw new IllegalArgumentException("integration must not be null");
        if (!installed.add(integration))
            throw new IllegalStateException(integration + " is already installed into this app");
        integration.install(new AppSetup(this, runtime));
        return this;
    }

    /**
     * Adds a condition of readiness: with the {@code health} setting, {@code /health/ready} answers
     * 200 only while every check passes (and 503 naming the failing ones, or while the app drains).
     * Integrations add theirs through {@code Setup.readiness} (a database ping).
     */
    public synchronized Tulip readiness(String name, ReadinessCheck check) {
        requireNew("add readiness checks");
        if (name == null || name.isBlank() || check == null)
            throw new IllegalArgumentException("a readiness check needs a name and a check");
        readiness.add(new HealthRoutes.Named(name, check));
        return this;
    }

    /**
     * Declares settings of the app's own: {@link #run} then reads them from the environment and the
     * command line like the server's, {@code --help} lists them, and handlers read them with
     * {@code req.context().config().get(setting)}.
     */
    public synchronized Tulip declare(AppSetting<?>... settings) {
        requireNew("declare settings");
        config = config.toBuilder().declare(settings).build();
        return this;
    }

    /**
     * Declares a resource the app's handlers share: {@code open} runs when the app starts (after its
     * event loops exist, before it binds) and its value goes into the context under {@code key};
     * {@code close} runs when the app stops (after the drain), or when a later step of the start
     * fails. Resources open in declaration order and close in reverse.
     *
     * <pre>{@code
     * app.resource(DB, ctx -> Db.connect(), Db::close);
     * }</pre>
     */
    public synchronized <T> Tulip resource(Key<T> key, Opener<T> open, Closer<? super T> close) {
        if (key == null) throw new IllegalArgumentException("key must not be null");
        addResource(new Resource<>(key.name(), key, open, close));
        return this;
    }

    synchronized void addObserver(RequestObserver o) {
        requireNew("add request observers");
        if (o == null) throw new IllegalArgumentException("observer must not be null");
        observers.add(o);
    }

    synchronized void addResource(Resource<?> r) {
        requireNew("declare resources");
        if (r.open() == null || r.close() == null)
            throw new IllegalArgumentException("resource " + r.name() + " needs an opener and a closer");
        resources.add(r);
    }

    // ---- lifecycle ---------------------------------------------------------------------------------

    /** Runs after resources opened and before the server binds (once per app, not per event loop). */
    public synchronized Tulip onBeforeStart(Listener l) {
        beforeStart.add(l);
        return this;
    }

    /** Runs once the server accepts connections ({@link AppContext#port()} is known); a failure stops the app. */
    public synchronized Tulip onAfterStart(Listener l) {
        afterStart.add(l);
        return this;
    }

    /** Runs when stopping, while in-flight requests can still complete. */
    public synchronized Tulip onBeforeStop(Listener l) {
        beforeStop.add(l);
        return this;
    }

    /**
     * Runs after the server drained, before resources close (reverse order of registration); also
     * when a start fails after the before-start listeners began.
     */
    public synchronized Tulip onAfterStop(Listener l) {
        afterStop.add(l);
        return this;
    }

    /**
     * Starts serving on the configured host and port (0 picks a free port) and returns once it
     * accepts connections.
     *
     * @throws LifecycleException if a step failed; what had opened is closed again and the app is stopped
     */
    public synchronized Tulip start() {
        Engine engine = open("start");
        String step = "bind";
        try {
            server = new HttpServer(config, runtime.loops(), engine);
            context.bound(config.host(), server.bind());
            unwind.push("server", () -> cut = server.drain(config.drainTimeout(), config.lameDuck()));
            context.freeze();
            state = State.RUNNING;
            Log.TULIP.info(
                    "Tulip serving on http://{}:{} ({}, {} event loop{}, {} route{})",
                    hostForUrl(config.host()),
                    context.port(),
                    runtime.loops().transport(),
                    runtime.loops().loops().size(),
                    runtime.loops().loops().size() == 1 ? "" : "s",
                    routes.routes().size(),
                    routes.routes().size() == 1 ? "" : "s");
            step = "onAfterStart";
            for (Listener l : afterStart) l.run(context);
        } catch (Exception | Error e) {
            throw fail(step, e);
        }
        return this;
    }

    /**
     * Starts the app without a socket: loops, resources and before-start listeners as in
     * {@link #start}, then requests go straight to the handlers through the returned value, whose
     * {@code close()} stops the app. For test clients (tulip-test's {@code DirectClient}).
     */
    public synchronized InProcess startInProcess() {
        Engine engine = open("start in process");
        context.freeze();
        state = State.RUNNING;
        return new Direct(engine, this::stop);
    }

    /** The steps {@link #start} and {@link #startInProcess} share: everything up to the bind. */
    private Engine open(String what) {
        requireNew(what);
        state = State.STARTING;
        unwind = new Unwind();
        cut = 0;
        context.configured(config, new ReversePaths(root.names));
        context.draining(false);
        String step = "routes";
        try {
            if (config.health()) HealthRoutes.register(root, config.healthPath(), context, List.copyOf(readiness));
            JsonMapper mapper = config.jsonMapper().orElseGet(Json::newDefaultMapper);
            if (config.debug() && !config.debugAnyHost() && !isLoopback(config.host())) {
                throw new ConfigException(
                        "debug shows stack traces to every client, so it runs only on a loopback host;" + " host is "
                                + config.host() + " (bind to 127.0.0.1, or set debug-any-host if you must)");
            }
            Errors errors = new Errors(exceptionHandlers, config.debug());
            Dispatcher dispatcher = new Dispatcher(
                    RouteGroup.compose(routes),
                    root.middleware,
                    new Results(mapper, errors, config.requestIds()),
                    errors,
                    config.trailingSlash(),
                    config.trustedProxies());
            List<RequestObserver> all = new ArrayList<>();
            if (config.accessLog()) all.add(new AccessLog());
            all.addAll(observers);
            Engine engine = new Engine(dispatcher, context, mapper, new Observers(all));
            step = "event loops";
            runtime.openLoops(config, unwind);
            for (Resource<?> r : resources) {
                step = "resource '" + r.name() + "'";
                openResource(r);
            }
            step = "onBeforeStart";
            for (Listener l : afterStop) unwind.push("onAfterStop listener", () -> l.run(context));
            for (Listener l : beforeStart) l.run(context);
            return engine;
        } catch (Exception | Error e) {
            throw fail(step, e);
        }
    }

    private <T> void openResource(Resource<T> r) throws Exception {
        T value = r.open().open(context);
        if (value == null) throw new IllegalStateException("its opener returned null");
        unwind.push("resource '" + r.name() + "'", () -> r.close().close(value));
        if (r.key() != null) context.put(r.key(), value);
    }

    /** Unwinds a start that failed at {@code step}. */
    private LifecycleException fail(String step, Throwable e) {
        LifecycleException failure = new LifecycleException(
                step, "Tulip failed to start at " + step + ": " + e.getMessage() + " (the app is stopped)", e);
        for (Unwind.Failure f : stopNow()) failure.addSuppressed(f.error());
        return failure;
    }

    /** Whether {@code host} is a loopback name or literal; never a DNS lookup. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) return true;
        try {
            return java.net.InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * Stops gracefully: runs the before-stop listeners, stops accepting, lets in-flight requests
     * finish (closing idle keep-alive connections at once and busy ones after their response), cuts
     * what still runs after the drain timeout, runs the after-stop listeners, closes resources in
     * reverse order, and stops the event loops. Every step runs even when one before it failed.
     *
     * @return {@code true} if every in-flight request completed, {@code false} if some were cut
     * @throws LifecycleException after everything ran, if a listener or a close failed
     */
    public synchronized boolean stop() {
        if (state != State.RUNNING) return true;
        context.draining(true); // readiness says 503 from here on, before the listeners and the drain
        List<Unwind.Failure> failures = new ArrayList<>();
        for (Listener l : beforeStop) {
            try {
                l.run(context);
            } catch (Exception e) {
                Log.TULIP.error("onBeforeStop listener failed", e);
                failures.add(new Unwind.Failure("onBeforeStop listener", e));
            }
        }
        failures.addAll(stopNow());
        if (cut > 0)
            Log.TULIP.warn(
                    "Tulip stopped: {} in-flight request{} cut after the drain timeout of {}",
                    cut,
                    cut == 1 ? " was" : "s were",
                    Durations.format(config.drainTimeout()));
        else if (failures.isEmpty()) Log.TULIP.info("Tulip stopped cleanly");
        if (!failures.isEmpty()) {
            Unwind.Failure first = failures.getFirst();
            LifecycleException e = new LifecycleException(
                    first.step(),
                    "Tulip stopped, but " + failures.size() + " step" + (failures.size() == 1 ? "" : "s")
                            + " failed; the first: " + first.step() + ": "
                            + first.error().getMessage(),
                    first.error());
            for (Unwind.Failure f : failures.subList(1, failures.size())) e.addSuppressed(f.error());
            throw e;
        }
        return cut == 0;
    }

    /** Closes everything opened so far, newest first, and marks the app stopped. */
    private List<Unwind.Failure> stopNow() {
        List<Unwind.Failure> failures = unwind.runAll();
        state = State.STOPPED;
        server = null;
        context.clear();
        return failures;
    }

    /**
     * The main entry: applies {@code TULIP_*} environment variables and {@code --setting value}
     * arguments over the code's config, starts, serves until SIGTERM/SIGINT, stops gracefully and
     * exits the JVM: 0 after a clean drain, 1 if requests were cut or a step failed, 2 for bad
     * configuration. One app per JVM may {@code run}; use {@link #start}/{@link #stop} for more.
     */
    public void run(String... args) {
        // handle signals before starting: SIGTERM right after the port opens must still drain gracefully
        Signals signals = Signals.install();
        try {
            boolean help = wantsHelp(args);
            synchronized (this) {
                Config.Builder b = config.toBuilder();
                // under run() a stop comes from SIGTERM, when load balancers still send for a moment
                if (config.source("lame-duck").equals("default")) b.lameDuck(RUN_LAME_DUCK);
                config = b.fromEnv(System.getenv())
                        .fromArgs(help ? withoutHelp(args) : args)
                        .build();
            }
            if (help) {
                System.out.print(config.describe());
                System.out.flush();
                System.exit(0);
            }
            start();
        } catch (ConfigException e) {
            System.err.println("tulip: " + e.getMessage());
            System.exit(2);
        } catch (LifecycleException e) {
            if (e.getCause() instanceof ConfigException ce) { // e.g. a transport this machine lacks
                System.err.println("tulip: " + ce.getMessage());
                System.exit(2);
            }
            Log.TULIP.error("Tulip failed to start", e);
            System.exit(1);
        } catch (RuntimeException e) {
            Log.TULIP.error("Tulip failed to start", e);
            System.exit(1);
        }
        boolean clean = signals.awaitStop(() -> {
            try {
                return stop();
            } catch (LifecycleException e) {
                Log.TULIP.error("Tulip stopped with errors", e);
                return false;
            }
        });
        System.exit(clean ? 0 : 1);
    }

    /** Whether {@code --help} or {@code -h} comes before any {@code --}. */
    private static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--")) return false;
            if (a.equals("--help") || a.equals("-h")) return true;
        }
        return false;
    }

    private static String[] withoutHelp(String[] args) {
        List<String> rest = new ArrayList<>();
        boolean after = false;
        for (String a : args) {
            after |= a.equals("--");
            if (after || !(a.equals("--help") || a.equals("-h"))) rest.add(a);
        }
        return rest.toArray(String[]::new);
    }

    /** Where the app is in its life. */
    public synchronized State state() {
        return state;
    }

    /** The port the server listens on (useful with port 0); -1 if not started. */
    public int port() {
        return context.port();
    }

    /** The app's config (after {@link #run} merged the environment and arguments into it). */
    public synchronized Config config() {
        return config;
    }

    /** The shared context listeners and handlers use ({@link Request#context()} is the same). */
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
            T t = (T) Await.await(stage);
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

    synchronized void requireNew(String what) {
        if (state == State.STOPPED)
            throw new IllegalStateException("cannot " + what + ": this app has stopped (create a new app)");
        if (state != State.NEW) throw new IllegalStateException("cannot " + what + ": the app has started");
    }
}
