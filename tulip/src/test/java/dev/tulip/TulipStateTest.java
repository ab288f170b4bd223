package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TulipStateTest {

    @Test
    void aStoppedAppSaysItWasStoppedWhenStartedAgain() {
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.startInProcess().close();

        assertThat(app.state()).isEqualTo(Tulip.State.STOPPED);
        assertThatThrownBy(app::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot start: this app has stopped (create a new app)");
        assertThatThrownBy(() -> app.get("/x", req -> "x"))
                .hasMessage("cannot add routes: this app has stopped (create a new app)");
    }

    @Test
    void aRunningAppRefusesChangesSayingItStarted() {
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        try (var running = app.startInProcess()) {
            assertThatThrownBy(() -> app.get("/x", req -> "x")).hasMessage("cannot add routes: the app has started");
            assertThatThrownBy(app::startInProcess).hasMessage("cannot start in process: the app has started");
        }
    }
}
