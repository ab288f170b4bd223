package dev.tulip.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class that drives one real Chromium, started before its tests and closed after them. */
abstract class ChromiumTest {
    static Chromium browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        assertThat(Chromium.available())
                .as("Debian's chromium must be installed (./test.sh installs it)")
                .isTrue();
        browser = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) browser.close();
        browser = null;
    }
}
