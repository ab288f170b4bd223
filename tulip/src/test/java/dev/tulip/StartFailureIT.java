package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A start that cannot bind, or whose start listener fails, says why and leaves nothing running. */
class StartFailureIT {

    @Test
    void aTakenPortFailsTheStartWithAMessageNamingTheAddress() {
        Tulip first = Tulip.create(c -> c.port(0)).start();
        try {
            int port = first.port();
            Tulip second = Tulip.create(c -> c.port(port));
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + port)
                    .hasMessageContaining("TULIP_PORT");
            assertThat(second.port()).isEqualTo(-1);
            assertThat(second.stop()).as("nothing to stop").isTrue();
        } finally {
            first.stop();
        }
    }

    @Test
    void aFailingStartListenerAbortsTheStartBeforeTheServerBinds() {
        List<String> ran = new ArrayList<>();
        Tulip app = Tulip.create(c -> c.port(0));
        app.onBeforeStart(ctx -> {
            throw new IllegalStateException("database unreachable");
        });
        app.onAfterStart(ctx -> ran.add("afterStart"));
        assertThatThrownBy(app::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onBeforeStart listener failed: database unreachable");
        assertThat(app.port()).isEqualTo(-1);
        assertThat(ran).isEmpty();
    }
}
