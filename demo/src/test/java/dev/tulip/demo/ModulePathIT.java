package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Boots the packaged demo on the module path (module-info exports and opens are right) and stops it with SIGTERM. */
class ModulePathIT {

    @Test
    void demoBootsOnTheModulePathServesAndExitsCleanlyOnSigterm() throws Exception {
        Path target = Path.of("target");
        Path jar = target.resolve("tulip-demo-0.1.0-SNAPSHOT.jar");
        assertThat(jar).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(
                        java,
                        "--sun-misc-unsafe-memory-access=allow",
                        "--enable-native-access=ALL-UNNAMED,io.netty.common",
                        "-p",
                        jar + ":" + target.resolve("lib"),
                        "--add-modules",
                        "ALL-MODULE-PATH",
                        "-m",
                        "dev.tulip.demo/dev.tulip.demo.DemoApp",
                        "--port",
                        "0"))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
                Pattern serving = Pattern.compile("serving on http://[^:]+:(\\d+)");
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        Matcher m = serving.matcher(line);
                        if (m.find()) return Integer.parseInt(m.group(1));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("the demo exited before it served");
            });
            int demoPort = port.get(30, TimeUnit.SECONDS);
            HttpResponse<String> users = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demoPort + "/users"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("\"name\":\"Ada\"");

            p.destroy(); // SIGTERM
            CompletableFuture.runAsync(() -> out.lines().forEach(l -> {})); // keep the pipe drained
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
        assertThat(Files.exists(jar)).isTrue();
    }
}
