package dev.tulip.examples;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** Runs {@code main} of {@code mainClass} on this JVM's class path with {@code args}, as a user would. */
    static ChildJvm run(Class<?> mainClass, String... args) throws Exception {
        List<String> launch =
                new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        launch.addAll(List.of(args));
        return start(launch);
    }

    /** Runs {@code java <flags> <launch...>} and waits (bounded) for the startup line. */
    static ChildJvm start(List<String> launch) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(launch);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        Thread.ofVirtual().start(() -> drain(out)); // keep the pipe drained
                        return Integer.parseInt(m.group(1));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("the app exited before it served");
        });
        try {
            return new ChildJvm(p, port.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {}
        } catch (java.io.IOException e) {
            // the child is gone and its pipe closed
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

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
