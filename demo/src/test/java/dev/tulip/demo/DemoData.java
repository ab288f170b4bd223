package dev.tulip.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The data directory the demo's tests use ({@code DEMO_DATA_DIR}, set by the pom to target/demo-data). */
final class DemoData {
    private DemoData() {}

    /** The demo's embedded MongoDB data: {@code $DEMO_DATA_DIR/mongo}. */
    static Path mongo() {
        String dir = System.getenv("DEMO_DATA_DIR");
        if (dir == null)
            throw new IllegalStateException("DEMO_DATA_DIR is not set: run the demo's tests through Maven");
        return Path.of(dir, "mongo");
    }

    /** Deletes the embedded MongoDB data, so the next app starts on an empty database. */
    static void forgetMongo() {
        delete(mongo());
    }

    /**
     * Stops the PostgreSQL left running on {@code dir} by a JVM that was killed (its first
     * {@code postmaster.pid} line is the server's pid), and waits until it has exited.
     */
    static void stopOrphanedPostgres(Path dir) throws IOException, InterruptedException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        var server = ProcessHandle.of(pid);
        if (server.isEmpty()) return;
        server.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            server.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            server.get().destroyForcibly();
        }
        for (int i = 0; i < 100 && Files.exists(pidFile); i++) Thread.sleep(50);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
