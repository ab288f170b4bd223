package dev.tulip.examples;

import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.LoggerFactory;

/** Integrations: the example in docs/ARCHITECTURE.md, "How an integration plugs in". */
public final class IntegrationExamples {
    private IntegrationExamples() {}

    // tag::example-integration[]
    /** Counts requests per route, serves the counts at /hits and logs them every minute. */
    public static final class Hits implements Integration {
        private final InstallOnce once = new InstallOnce("Hits");
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        @Override
        public void install(Setup setup) {
            once.claim(setup); // one Hits value per app
            setup.observe(e -> counts.computeIfAbsent(e.route().orElse("(no route)"), r -> new LongAdder())
                    .increment());
            setup.app().get("/hits", req -> snapshot());
            setup.resource(
                    "hits reporter",
                    ctx -> setup.runtime() // the loops exist once resources open
                            .loops()
                            .group()
                            .scheduleAtFixedRate(
                                    () -> LoggerFactory.getLogger("hits").info("{}", snapshot()),
                                    1,
                                    1,
                                    TimeUnit.MINUTES),
                    task -> task.cancel(false)); // closed after the drain, before the loops stop
        }

        /** The counts so far, by route pattern. */
        public Map<String, Long> snapshot() {
            Map<String, Long> out = new TreeMap<>();
            counts.forEach((route, n) -> out.put(route, n.sum()));
            return out;
        }
    }
    // end::example-integration[]
}
