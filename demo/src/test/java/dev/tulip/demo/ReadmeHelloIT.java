package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's hello world is this module's {@code Hello}, word for word, and it runs as shown. */
class ReadmeHelloIT {

    @Test
    void readmeHelloWorldIsTheCompiledExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String block = readme.substring(
                readme.indexOf("```java\n") + 8, readme.indexOf("```", readme.indexOf("```java\n") + 8));
        String source = Files.readString(Path.of("src/main/java/dev/tulip/demo/Hello.java"));
        String withoutPackage = source.substring(source.indexOf("import "));
        assertThat(block.strip()).isEqualTo(withoutPackage.strip());
        assertThat(block.strip().lines().count()).isLessThanOrEqualTo(10);
    }

    @Test
    void helloWorldAnswersAndDrainsOnSigterm() throws Exception {
        String cp = System.getProperty("java.class.path");
        try (ChildJvm hello = ChildJvm.start(List.of("-cp", cp, "dev.tulip.demo.Hello", "--port", "0"))) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hello.port() + "/hello"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(r.body()).isEqualTo("{\"hello\":\"world\"}");
            assertThat(hello.terminate()).isZero();
        }
    }
}
