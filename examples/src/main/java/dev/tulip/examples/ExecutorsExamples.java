package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.async.Bridge;
import dev.tulip.async.DeadlineExceededException;
import dev.tulip.async.Workers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/** Executors: blocking and CPU-bound work off the event loops (docs/guide/executors.md). */
public final class ExecutorsExamples {
    private ExecutorsExamples() {}

    /** A stand-in for a blocking library: a report that takes {@code millis} to build. */
    public static String slowReport(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return "report";
    }

    /** CPU-bound work: the SHA-256 of {@code text}, in hex. */
    public static String sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** The guide's app: a hash on the CPU pool and a blocking report with a deadline. */
    public static Tulip app(Consumer<Config.Builder> config, long reportMillis) {
        var app = Tulip.create(config);
        // tag::executors-app[]
        var workers = Workers.create(s -> s.cpuThreads(2).cpuQueue(100));
        app.install(workers); // its threads end when the app stops

        // A non-blocking handler runs on the event loop: it hands the hash to the CPU pool and
        // returns the future, so the loop goes on serving other connections meanwhile.
        app.get("/hash/{text}", Handler.nonBlocking(req -> workers.cpu().submit(() -> sha256(req.pathParam("text")))));

        // A plain handler runs on a virtual thread and may block; call adds a deadline, after which
        // the report is interrupted and DeadlineExceededException is thrown.
        app.get("/report", req -> workers.blocking().call(() -> slowReport(reportMillis), Duration.ofSeconds(1)));
        app.exception(DeadlineExceededException.class, (e, req) -> Response.text(504, e.getMessage()));
        app.exception(RejectedExecutionException.class, (e, req) -> Response.text(503, "busy, try again"));
        // end::executors-app[]
        return app;
    }

    /** The guide's plain-code example: hashes of many lines, in parallel on the CPU pool. */
    public static List<String> hashAll(List<String> lines) {
        // tag::executors-plain[]
        try (var workers = Workers.create()) { // one thread per core; closed at the end of the block
            List<CompletableFuture<String>> hashes = lines.stream()
                    .map(line -> workers.cpu().submit(() -> sha256(line)))
                    .toList();
            Bridge.await(CompletableFuture.allOf(hashes.toArray(CompletableFuture[]::new)), Duration.ofSeconds(10));
            return hashes.stream().map(CompletableFuture::join).toList();
        }
        // end::executors-plain[]
    }
}
