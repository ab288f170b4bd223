package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged demo as ./run.sh starts it: its embedded PostgreSQL stops with it, and its data directory is its own. */
class UsersProcessIT {
    private static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)");

    private static Process demo(Path dataDir) throws Exception {
        List<String> cmd = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                Path.of("target", "tulip-demo-0.1.0-SNAPSHOT.jar") + ":" + Path.of("target", "lib") + "/*",
                "dev.tulip.demo.DemoApp",
                "--port",
                "0");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DEMO_DATA_DIR", dataDir.toString());
        pb.environment().remove("DATABASE_URL");
        return pb.start();
    }

    /** Reads the output until the app serves (its port) or exits (-1); the rest of the output goes to {@code log}. */
    private static CompletableFuture<Integer> served(Process p, StringBuffer log) {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    log.append(line).append('\n');
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (Exception ignored) {
                // the process is gone
            }
            port.complete(-1);
        });
        return port;
    }

    /** Alive and not a zombie (an exited postgres re-parented to a PID 1 that does not reap stays one). */
    private static boolean running(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) return false;
        String s = Files.readString(stat);
        char state = s.charAt(s.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }

    @Test
    void sigtermStopsTheEmbeddedPostgresAndASecondDemoOnTheSameDataIsRefusedClearly(@TempDir Path data)
            throws Exception {
        Process first = demo(data);
        StringBuffer firstLog = new StringBuffer();
        try {
            assertThat(served(first, firstLog).get(60, TimeUnit.SECONDS))
                    .as(firstLog.toString())
                    .isPositive();
            Path pidFile = data.resolve("postgres").resolve("postmaster.pid");
            long postgres =
                    Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            assertThat(running(postgres)).as("postgres runs").isTrue();

            Process second = demo(data);
            StringBuffer secondLog = new StringBuffer();
            assertThat(served(second, secondLog).get(60, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isNotZero();
            assertThat(secondLog.toString()).contains("is in use by another running server");

            first.destroy(); // SIGTERM
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as(firstLog.toString()).isZero();
            assertThat(running(postgres)).as("no orphaned postgres").isFalse();
            assertThat(pidFile).doesNotExist();
        } finally {
            first.destroyForcibly();
        }
    }
}
