package dev.tulip.examples;

import org.junit.jupiter.api.Test;

class ExampleTwoServersTest {

    @Test
    void guideTestPasses() {
        TwoServersExamples.guideTest();
    }
}
