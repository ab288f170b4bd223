package dev.tulip.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flows in a real Chromium over the in-memory backend, with scripts on and off. */
class MemoryBrowserIT {
    static Chromium browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Chromium.available())
                .as("Debian's chromium must be installed (./test.sh installs it)")
                .isTrue();
        browser = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
    }

    @ParameterizedTest(name = "scripts {0}")
    @ValueSource(booleans = {true, false})
    void everyFlowWorks(boolean scripts) throws Exception {
        try (Fixture fx = new Fixture()) {
            browser.scripts(scripts);
            BrowserFlows flows = new BrowserFlows(
                    browser, "http://127.0.0.1:" + fx.server.port(), "memory-" + (scripts ? "js" : "nojs"), false);
            flows.login("root", Fixture.PASSWORD);
            flows.listSortAndSearch();
            flows.filters(true);
            flows.invalidCreateShowsInlineErrors(true);
            flows.constraintErrorLandsOnItsField();
            flows.createEditAndDelete();
            flows.deleteListsDependents();
            flows.bulkAction();
            flows.logout();
        }
    }
}
