package dev.tulip.client.bench;

import dev.tulip.Tulip;
import dev.tulip.spi.EventLoops;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests per second and latency of one HTTP client against {@code URL/json}: {@code CONCURRENCY}
 * virtual threads (64) each sending GETs in a loop over keep-alive connections, {@code WARMUP}
 * seconds then {@code DURATION} seconds measured. The variant is the first argument:
 * {@code jdk} (java.net.http.HttpClient, default executor), {@code jdk-vt} (its executor on
 * virtual threads), {@code netty} (a minimal Netty client on a Tulip app's event loop),
 * {@code tulip} (tulip-client). Prints one line: variant req/s p50 p99 p999 errors.
 */
public final class ClientBench {
    private ClientBench() {}

    interface Get {
        byte[] get(String path) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String variant = args[0];
        URI url = URI.create(System.getenv().getOrDefault("URL", "http://127.0.0.1:8091"));
        int concurrency = Integer.parseInt(System.getenv().getOrDefault("CONCURRENCY", "64"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "5"));
        int duration = Integer.parseInt(System.getenv().getOrDefault("DURATION", "10"));

        AtomicReference<EventLoops> loops = new AtomicReference<>();
        Tulip app = Tulip.create(cfg -> cfg.port(0).eventLoops(1));
        app.install(setup -> setup.resource(
                "loops",
                ctx -> {
                    loops.set(setup.runtime().loops());
                    return loops;
                },
                l -> {}));
        ClientUnderTest client = ClientUnderTest.of(variant, url, app);
        app.start();
        Get get = client.open(loops.get());

        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + duration * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[concurrency];
        int[] errors = new int[concurrency];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            long[] lat = new long[4_000_000 / concurrency * duration];
            latencies.add(lat);
            int me = i;
            threads.add(Thread.ofVirtual().start(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) return;
                    try {
                        byte[] body = get.get("/json");
                        if (body.length < 20) throw new IllegalStateException("short body");
                    } catch (Exception e) {
                        if (errors[me]++ == 0) e.printStackTrace();
                        continue;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && counts[me] < lat.length) lat[counts[me]++] = t1 - t0;
                }
            }));
        }
        for (Thread t : threads) t.join();
        int n = Arrays.stream(counts).sum();
        long[] all = new long[n];
        int k = 0;
        for (int i = 0; i < concurrency; i++) {
            System.arraycopy(latencies.get(i), 0, all, k, counts[i]);
            k += counts[i];
        }
        Arrays.sort(all);
        System.out.printf(
                "%s %.0f req/s p50=%.2fms p99=%.2fms p999=%.2fms errors=%d%n",
                variant,
                n / (double) duration,
                pct(all, 0.50),
                pct(all, 0.99),
                pct(all, 0.999),
                Arrays.stream(errors).sum());
        client.close();
        app.stop();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
    }

    /** One client variant: opened once the app's loops exist. */
    interface ClientUnderTest extends AutoCloseable {
        Get open(EventLoops loops) throws Exception;

        @Override
        void close();

        static ClientUnderTest of(String variant, URI url, Tulip app) {
            return switch (variant) {
                case "jdk", "jdk-vt" ->
                    new ClientUnderTest() {
                        HttpClient http;

                        @Override
                        public Get open(EventLoops loops) {
                            var b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
                            if (variant.equals("jdk-vt")) b.executor(Executors.newVirtualThreadPerTaskExecutor());
                            http = b.build();
                            return path -> http.send(
                                            HttpRequest.newBuilder(url.resolve(path))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofByteArray())
                                    .body();
                        }

                        @Override
                        public void close() {
                            http.close();
                        }
                    };
                case "netty" ->
                    new ClientUnderTest() {
                        NettyBaseline netty;

                        @Override
                        public Get open(EventLoops loops) {
                            netty = new NettyBaseline(loops, url);
                            return netty::get;
                        }

                        @Override
                        public void close() {
                            netty.close();
                        }
                    };
                default -> TulipClientVariant.of(variant, url, app);
            };
        }
    }
}
