package dev.tulip.admin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The flows in a real Chromium over the in-memory backend, with scripts on and off. */
class MemoryBrowserIT extends ChromiumTest {
    @ParameterizedTest(name = "scripts {0}")
    @ValueSource(booleans = {true, false})
    void everyFlowWorks(boolean scripts) throws Exception {
        try (Fixture fx = new Fixture()) {
            browser.scripts(scripts);
            BrowserFlows flows = new BrowserFlows(
                    browser, "http://127.0.0.1:" + fx.server.port(), "memory-" + (scripts ? "js" : "nojs"), false);
            flows.all("root", Fixture.PASSWORD, true, true);
        }
    }
}
