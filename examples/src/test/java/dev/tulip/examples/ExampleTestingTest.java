package dev.tulip.examples;

import org.junit.jupiter.api.Test;

/** The testing examples are tests themselves: each throws {@link AssertionError} if it fails. */
class ExampleTestingTest {

    @Test
    void guideTestPasses() {
        TestingExamples.guideTest();
    }

    @Test
    void testServerJavadocTestPasses() {
        TestingExamples.testServerJavadoc();
    }

    @Test
    void directClientJavadocTestPasses() {
        TestingExamples.directClientJavadoc();
    }
}
