package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.DirectClient;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {

    @Test
    void theGuidesAppReadsItsOwnSettingsWithTheirDefaults() {
        try (var client = DirectClient.of(ConfigExamples.app())) {
            assertThat(client.get("/where").text()).isEqualTo("http://127.0.0.1:8001 within 2000ms; database not set");
        }
    }

    @Test
    void theJavadocsHandlerReadsTheDeclaredSetting() {
        try (var client = DirectClient.of(ConfigExamples.javadoc())) {
            assertThat(client.get("/ping").text()).isEqualTo("would fetch http://127.0.0.1:8001/pong");
        }
    }
}
