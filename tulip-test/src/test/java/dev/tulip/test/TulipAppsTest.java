package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Handler;
import dev.tulip.Tulip;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TulipAppsTest {

    static Object sleepOnTheLoop() throws InterruptedException {
        Thread.sleep(400);
        return "slept";
    }

    static Tulip app() {
        Tulip app = Tulip.create(c -> c.port(0));
        app.get("/slow", Handler.nonBlocking(req -> sleepOnTheLoop()));
        app.get("/fast", Handler.nonBlocking(req -> "fast"));
        app.get("/virtual", req -> sleepOnTheLoop());
        return app;
    }

    @Test
    void closingFailsWithTheStackOfTheCodeThatBlockedALoop() {
        var apps = TulipApps.create();
        var server = apps.start(app());
        assertThat(server.client().get("/slow").text()).isEqualTo("slept");

        assertThatThrownBy(apps::close)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("an event loop was blocked for more than 200ms")
                .hasMessageContaining("at " + TulipAppsTest.class.getName() + ".sleepOnTheLoop");
        assertThat(server.app().state()).isEqualTo(Tulip.State.STOPPED);
    }

    @Test
    void closingPassesAndStopsTheAppsWhenNoLoopWasBlocked() {
        var apps = TulipApps.create();
        var server = apps.start(app());
        var direct = apps.direct(app());
        assertThat(server.client().get("/fast").text()).isEqualTo("fast");
        assertThat(server.client().get("/virtual").text()).isEqualTo("slept");
        assertThat(direct.get("/fast").text()).isEqualTo("fast");

        apps.close();
        assertThat(apps.blocked()).isEmpty();
        assertThat(server.app().state()).isEqualTo(Tulip.State.STOPPED);
    }

    @Test
    void aThresholdTooSmallToMeasureIsRefused() {
        assertThatThrownBy(() -> TulipApps.create(Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
