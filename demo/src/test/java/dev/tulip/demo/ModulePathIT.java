package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Boots the packaged demo on the module path (so the module descriptors of Tulip and tulip-mongo
 * are right) and stops it with SIGTERM. The embedded MongoDB server stays on the class path: its
 * jars share the package {@code de.bwaldvogel.mongo}, which the module path refuses; the demo, an
 * automatic module, reads it from there.
 */
class ModulePathIT {
    /** Jars that cannot be modules: mongo-java-server's split package, H2 with it, and Tulip's wrapper of both. */
    private static boolean classPathOnly(Path jar) {
        String name = jar.getFileName().toString();
        return name.startsWith("mongo-java-server-")
                || name.startsWith("h2-")
                || name.startsWith("tulip-mongo-embedded-");
    }

    private static String join(Stream<Path> jars) {
        return jars.map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void demoBootsOnTheModulePathServesAndExitsCleanlyOnSigterm() throws Exception {
        Path jar = Path.of("target", "tulip-demo-0.1.0-SNAPSHOT.jar");
        assertThat(jar).exists();
        List<Path> lib;
        try (Stream<Path> files = Files.list(Path.of("target", "lib"))) {
            lib = files.sorted().toList();
        }
        String modulePath = jar + File.pathSeparator + join(lib.stream().filter(p -> !classPathOnly(p)));
        String classPath = join(lib.stream().filter(ModulePathIT::classPathOnly));
        assertThat(classPath).contains("mongo-java-server-core");
        Path data = Files.createTempDirectory("tulip-demo-modules");
        try (ChildJvm demo = ChildJvm.start(
                List.of(
                        "-p",
                        modulePath,
                        "-cp",
                        classPath,
                        "--add-modules",
                        "ALL-MODULE-PATH",
                        "-m",
                        "dev.tulip.demo/dev.tulip.demo.DemoApp",
                        "--port",
                        "0"),
                Map.of("DEMO_DATA_DIR", data.toString()))) {
            HttpResponse<String> users = get(demo.port(), "/users");
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("\"name\":\"Ada\"");
            HttpResponse<String> info = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + demo.port() + "/svc_vt_info/search"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": [\"a1\"]}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"alpha\"");
            assertThat(demo.terminate()).isZero();
        } finally {
            DemoData.delete(data);
        }
    }
}
