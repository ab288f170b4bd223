package dev.tulip.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes migrating one database at the same moment: the advisory lock lets each migration apply once. */
class PgMigrationRaceIT {
    private static final long TIMEOUT_S = 90;

    @Test
    void twoProcessesMigratingAtOnceApplyEachMigrationOnceAndBothSucceed(@TempDir Path dir) throws Exception {
        String url = TestDb.freshDatabase();
        Path go = dir.resolve("go");
        List<Process> children = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++)
                children.add(child(url, dir.resolve("ready-" + i), go, dir.resolve("out-" + i)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (!(Files.exists(dir.resolve("ready-0")) && Files.exists(dir.resolve("ready-1")))) {
                assertThat(System.nanoTime())
                        .as("both children connected in time")
                        .isLessThan(deadline);
                for (Process p : children)
                    assertThat(p.isAlive())
                            .as("a child died before the start: %s", log(dir))
                            .isTrue();
                Thread.sleep(20);
            }
            Files.createFile(go); // both are connected and spinning: they start within a moment of each other
            List<String> applied = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Process p = children.get(i);
                assertThat(p.waitFor(TIMEOUT_S, TimeUnit.SECONDS))
                        .as("child %d finished in time", i)
                        .isTrue();
                assertThat(p.exitValue())
                        .as("child %d's exit status; %s", i, log(dir))
                        .isZero();
                String out = Files.readString(dir.resolve("out-" + i));
                String line = out.lines()
                        .filter(l -> l.startsWith("applied: "))
                        .findFirst()
                        .orElseThrow();
                String names = line.substring("applied: ".length()).strip();
                if (!names.isEmpty()) applied.addAll(List.of(names.split(",")));
            }
            assertThat(applied).containsExactlyInAnyOrder("001_hits.sql", "002_more_hits.sql");
            try (Pg pg = Pg.connect(cfg -> cfg.url(url))) {
                assertThat(pg.rows("select name from hits order by name"))
                        .extracting(r -> r.get("name", String.class))
                        .containsExactly("001", "002");
                assertThat(pg.value(Long.class, "select count(*) from tulip_migrations"))
                        .hasValue(2L);
            }
        } finally {
            for (Process p : children) p.destroyForcibly();
        }
    }

    private static Process child(String url, Path ready, Path go, Path out) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Xmx128m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(MigrateProcess.class.getName());
        cmd.addAll(List.of(url, ready.toString(), go.toString(), "db/race-processes"));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
    }

    private static String log(Path dir) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            try {
                sb.append("child ").append(i).append(": ").append(Files.readString(dir.resolve("out-" + i)));
            } catch (IOException e) {
                sb.append("child ").append(i).append(": no output");
            }
        }
        return sb.toString();
    }
}
