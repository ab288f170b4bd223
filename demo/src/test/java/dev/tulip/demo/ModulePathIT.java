package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Boots the packaged demo on the module path (so Tulip's module descriptors are right) and stops it with SIGTERM. */
class ModulePathIT {

    @Test
    void demoBootsOnTheModulePathServesAndExitsCleanlyOnSigterm() throws Exception {
        Path jar = Path.of("target", "tulip-demo-0.1.0-SNAPSHOT.jar");
        assertThat(jar).exists();
        try (ChildJvm demo = ChildJvm.start(List.of(
                "-p",
                jar + ":" + Path.of("target", "lib"),
                "--add-modules",
                "ALL-MODULE-PATH",
                "-m",
                "dev.tulip.demo/dev.tulip.demo.DemoApp",
                "--port",
                "0"))) {
            HttpResponse<String> users = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + "/users"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("\"name\":\"Ada\"");
            assertThat(demo.terminate()).isZero();
        }
    }
}
