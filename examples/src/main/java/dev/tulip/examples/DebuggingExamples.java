package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.Tulip;
import dev.tulip.async.Watchdog;
import dev.tulip.test.TulipApps;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Debugging: a watchdog that reports blocked event loops, in an app and in a test. */
public final class DebuggingExamples {
    private DebuggingExamples() {}

    /** A stand-in for a report that takes a while to build, by blocking. */
    public static String slowReport() throws InterruptedException {
        Thread.sleep(300); // a JDBC call, a file read, a lock...
        return "report";
    }

    /** The {@link Watchdog} javadoc's example. */
    public static Tulip javadoc(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::watchdog-javadoc[]
        var watchdog = Watchdog.create(cfg -> cfg.threshold(Duration.ofMillis(100)));
        app.install(watchdog);
        // end::watchdog-javadoc[]
        return app;
    }

    /** The guide's app: a route that blocks its loop, one that does not, and a counter of blocked episodes. */
    public static Tulip guide(Consumer<Config.Builder> config, LongAdder blockedEpisodes) {
        var app = Tulip.create(config);
        // tag::guide-watchdog[]
        var watchdog = Watchdog.create(cfg -> cfg.threshold(Duration.ofMillis(100)))
                .onBlocked(b -> blockedEpisodes.increment()); // e.g. a metric; the WARN with the stack is logged anyway
        app.install(watchdog);

        app.get("/bad", Handler.nonBlocking(req -> slowReport())); // blocks an event loop for 300 ms
        app.get("/good", req -> slowReport()); // a virtual thread waits instead; the loop stays free
        // end::guide-watchdog[]
        return app;
    }

    /** The guide's test: {@code TulipApps} fails when the app blocked a loop. */
    public static void guideTest(String path) {
        // tag::guide-tulip-apps[]
        try (var apps = TulipApps.create()) { // or a TulipApps parameter with @ExtendWith(TulipAppsExtension.class)
            var server = apps.start(Tulip.create(cfg -> cfg.port(0))
                    .get("/bad", Handler.nonBlocking(req -> slowReport()))
                    .get("/good", req -> slowReport()));
            assertThat(server.client().get(path).text()).isEqualTo("report");
        } // stops the app; throws AssertionError with the stack if /bad blocked its loop
        // end::guide-tulip-apps[]
    }
}
