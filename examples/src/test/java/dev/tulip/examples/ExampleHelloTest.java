package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.examples.Snippets.Block;
import dev.tulip.examples.Snippets.Region;
import dev.tulip.test.TestClient;
import dev.tulip.test.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's hello world runs as shown: it is a whole program whose {@code app.run(args)} serves
 * until a signal and then exits the JVM, so it runs in a child JVM, on the free port
 * {@code --port 0} asks for.
 */
class ExampleHelloTest {

    @Test
    void readmeOpensWithTheWholeHelloWorldInTenLines() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String hello = "examples/src/main/java/dev/tulip/examples/Hello.java";
        Region region = Snippets.regions(hello, Files.readString(root.resolve(hello))).stream()
                .filter(r -> r.name().equals("readme-hello"))
                .findFirst()
                .orElseThrow();
        Block first = Snippets.markdownBlocks("README.md", Files.readString(root.resolve("README.md")))
                .getFirst();
        assertThat(first.code()).isEqualTo(region.code());
        assertThat(region.code().lines().count()).isLessThanOrEqualTo(10);
    }

    @Test
    void readmeHelloWorldAnswersJsonAndDrainsOnSigterm() throws Exception {
        try (ChildJvm hello = ChildJvm.run(Hello.class, "--port", "0")) {
            TestResponse r = new TestClient("http://127.0.0.1:" + hello.port()).get("/hello");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).hasValue("application/json");
            assertThat(r.text()).isEqualTo("{\"hello\":\"world\"}");
            assertThat(hello.terminate()).as("exit code after SIGTERM").isZero();
        }
    }
}
