package dev.tulip.client.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.tulip.Tulip;
import dev.tulip.client.Http;
import dev.tulip.spi.EventLoops;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time per request of the whole process (server and client in one JVM), for the tulip and the
 * bare Netty clients in turn: 64 virtual threads, {@code ROUNDS} of 4 s each. Less noisy than
 * requests per second on a loaded machine, since it counts only this process's CPU.
 */
public final class CpuPerRequest {
    private CpuPerRequest() {}

    public static void main(String[] args) throws Exception {
        Tulip server = Tulip.create(cfg -> cfg.port(0).eventLoops(1));
        server.get("/json", req -> Map.of("message", "Hello, World!"));
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.port());
        AtomicReference<EventLoops> loops = new AtomicReference<>();
        Tulip app = Tulip.create(cfg -> cfg.port(0).eventLoops(1));
        app.install(setup -> setup.resource(
                "loops",
                ctx -> {
                    loops.set(setup.runtime().loops());
                    return loops;
                },
                l -> {}));
        Http http = Http.create(cfg -> cfg.baseUrl(url.toString()));
        app.install(http);
        app.start();
        NettyBaseline netty = new NettyBaseline(loops.get(), url);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "4"));
        for (int round = 0; round < rounds; round++) {
            for (String v : List.of("netty", "tulip")) {
                ClientBench.Get get =
                        v.equals("netty") ? netty::get : path -> http.get(path).bytes();
                LongAdder n = new LongAdder();
                long cpu0 = os.getProcessCpuTime();
                long end = System.nanoTime() + 4_000_000_000L;
                List<Thread> ts = new ArrayList<>();
                for (int i = 0; i < 64; i++)
                    ts.add(Thread.ofVirtual().start(() -> {
                        try {
                            while (System.nanoTime() < end) {
                                get.get("/json");
                                n.increment();
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                for (Thread t : ts) t.join();
                long cpu = os.getProcessCpuTime() - cpu0;
                System.out.printf(
                        "round %d %s: %d req/s, %.1f µs CPU per request%n", round, v, n.sum() / 4, cpu / 1e3 / n.sum());
            }
        }
        netty.close();
        app.stop();
        server.stop();
    }
}
