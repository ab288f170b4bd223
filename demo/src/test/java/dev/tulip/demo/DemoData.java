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
