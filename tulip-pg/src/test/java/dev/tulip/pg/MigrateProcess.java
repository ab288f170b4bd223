package dev.tulip.pg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A child JVM of {@link PgMigrationRaceIT}: connects to {@code args[0]}, says it is ready by
 * creating {@code args[1]}, waits for {@code args[2]} to exist, then migrates {@code args[3]} and
 * prints {@code applied: <names>}.
 */
final class MigrateProcess {
    private MigrateProcess() {}

    public static void main(String[] args) throws Exception {
        try (Pg pg = Pg.connect(cfg -> cfg.url(args[0]))) {
            pg.value(Integer.class, "select 1"); // connected before the start
            Files.createFile(Path.of(args[1]));
            Path go = Path.of(args[2]);
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
            while (!Files.exists(go)) {
                if (Instant.now().isAfter(giveUp)) throw new IllegalStateException("no start signal at " + go);
                Thread.onSpinWait();
            }
            List<String> applied = pg.migrate(args[3]);
            System.out.println("applied: " + String.join(",", applied));
        }
        System.exit(0);
    }
}
