package dev.tulip.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Tulip app in a child JVM: started with its arguments, its port read from the startup line. */
final class ChildJvm implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on http://[^:]+:(\\d+)");

    private final Process process;
    private final int port;

    private ChildJvm(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Runs {@code java <flags> <launch...>} and waits (bounded) for the startup line. */
    static ChildJvm start(List<String> launch) throws Exception {
        return start(launch, Map.of());
    }

    /** {@link #start(List)} with {@code env} added to the child's environment. */
    static ChildJvm start(List<String> launch, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("--enable-native-access=ALL-UNNAMED,io.netty.common");
        cmd.addAll(launch);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (seen.size() < 200) seen.add(line);
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        Thread.ofVirtual().start(() -> out.lines().forEach(l -> {})); // keep the pipe drained
                        return Integer.parseInt(m.group(1));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the app exited before it served; its output:\n" + String.join("\n", seen));
        });
        try {
            return new ChildJvm(p, port.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Sends SIGTERM and returns the exit code (bounded wait). */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("no exit within 30 s of SIGTERM");
        return process.exitValue();
    }

    /** Kills the process at once ({@code kill -9}) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("still running 30 s after SIGKILL");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
