package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Start and stop in order, and a start that fails at any step: it closes exactly what had
 * opened, in reverse order, once, leaves the app stopped, and throws one exception naming the step.
 */
class LifecycleIT {
    private final List<String> events = new CopyOnWriteArrayList<>();

    private static final Key<String> A = Key.of("a", String.class);
    private static final Key<String> B = Key.of("b", String.class);

    /** An app with two resources and a listener of each kind, all recorded into {@link #events}. */
    private Tulip recordedApp(int port) {
        Tulip app = Tulip.create(c -> c.port(port));
        app.resource(A, ctx -> record("open a"), v -> events.add("close a"));
        app.resource(B, ctx -> record("open b"), v -> events.add("close b"));
        app.onBeforeStart(ctx -> events.add("beforeStart"));
        app.onAfterStart(ctx -> events.add("afterStart"));
        app.onBeforeStop(ctx -> events.add("beforeStop"));
        app.onAfterStop(ctx -> events.add("afterStop"));
        return app;
    }

    private String record(String event) {
        events.add(event);
        return event;
    }

    @Test
    void startOpensInOrderAndStopUndoesItInReverse() {
        Tulip app = recordedApp(0).start();
        assertThat(app.state()).isEqualTo(Tulip.State.RUNNING);
        assertThat(app.context().get(A)).isEqualTo("open a");
        assertThat(app.stop()).isTrue();

        assertThat(events)
                .containsExactly(
                        "open a",
                        "open b",
                        "beforeStart",
                        "afterStart",
                        "beforeStop",
                        "afterStop",
                        "close b",
                        "close a");
        assertThat(app.state()).isEqualTo(Tulip.State.STOPPED);
        assertThat(app.context().find(A))
                .as("a stopped app hands out no closed resources")
                .isEmpty();
    }

    @Test
    void aFailingResourceClosesOnlyThoseOpenedBeforeIt() {
        Tulip app = Tulip.create(c -> c.port(0));
        app.resource(A, ctx -> record("open a"), v -> events.add("close a"));
        app.resource(
                B,
                ctx -> {
                    throw new IllegalStateException("database unreachable");
                },
                v -> events.add("close b"));
        app.onBeforeStart(ctx -> events.add("beforeStart"));
        app.onAfterStop(ctx -> events.add("afterStop"));

        assertThatThrownBy(app::start)
                .isInstanceOf(LifecycleException.class)
                .hasMessageContaining("resource 'b'")
                .hasMessageContaining("database unreachable")
                .satisfies(e -> assertThat(((LifecycleException) e).step()).isEqualTo("resource 'b'"));
        assertThat(events).containsExactly("open a", "close a");
        assertThat(app.state()).isEqualTo(Tulip.State.STOPPED);
        assertThat(app.port()).isEqualTo(-1);
    }

    @Test
    void aFailingBeforeStartListenerClosesResourcesAndRunsTheStopListeners() {
        Tulip app = recordedApp(0);
        app.onBeforeStart(ctx -> {
            throw new IllegalStateException("seed failed");
        });

        assertThatThrownBy(app::start)
                .isInstanceOf(LifecycleException.class)
                .hasMessageContaining("onBeforeStart")
                .hasMessageContaining("seed failed");
        assertThat(events).containsExactly("open a", "open b", "beforeStart", "afterStop", "close b", "close a");
        assertThat(app.state()).isEqualTo(Tulip.State.STOPPED);
    }

    @Test
    void aTakenPortUnwindsEverythingAndNamesTheAddress() throws Exception {
        Tulip first = Tulip.create(c -> c.port(0)).start();
        try {
            int port = first.port();
            Tulip second = recordedApp(port);
            assertThatThrownBy(second::start)
                    .isInstanceOf(LifecycleException.class)
                    .hasMessageContaining("at bind")
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + port)
                    .hasMessageContaining("TULIP_PORT");
            assertThat(events).containsExactly("open a", "open b", "beforeStart", "afterStop", "close b", "close a");
            assertThat(second.state()).isEqualTo(Tulip.State.STOPPED);
            assertThat(second.port()).isEqualTo(-1);
            assertThat(second.stop()).as("nothing left to stop").isTrue();
        } finally {
            first.stop();
        }
    }

    @Test
    void aFailingAfterStartListenerStopsTheServerAndClosesEverything() throws Exception {
        Tulip app = recordedApp(0);
        int[] port = new int[1];
        app.onAfterStart(ctx -> {
            port[0] = ctx.port();
            throw new IllegalStateException("warm-up failed");
        });

        assertThatThrownBy(app::start).isInstanceOf(LifecycleException.class).hasMessageContaining("onAfterStart");
        assertThat(events)
                .containsExactly("open a", "open b", "beforeStart", "afterStart", "afterStop", "close b", "close a");
        assertThat(app.state()).isEqualTo(Tulip.State.STOPPED);
        assertThat(port[0]).isPositive();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port[0]).close())
                .as("the port is closed again")
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void aCloseThatThrowsDoesNotStopTheOthersAndStopReportsEveryFailure() {
        Tulip app = Tulip.create(c -> c.port(0));
        app.resource(A, ctx -> "a", v -> events.add("close a"));
        app.resource(B, ctx -> "b", v -> {
            throw new IllegalStateException("b would not close");
        });
        app.onAfterStop(ctx -> {
            throw new IllegalStateException("listener broke");
        });
        app.start();

        assertThatThrownBy(app::stop)
                .isInstanceOf(LifecycleException.class)
                .hasMessageContaining("2 steps failed")
                .hasMessageContaining("listener broke")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .containsExactly("b would not close"));
        assertThat(events).containsExactly("close a");
        assertThat(app.state()).isEqualTo(Tulip.State.STOPPED);
    }

    @Test
    void failuresWhileUnwindingAFailedStartAreSuppressedUnderTheOneThatFailed() {
        Tulip app = Tulip.create(c -> c.port(0));
        app.resource(A, ctx -> "a", v -> {
            throw new IllegalStateException("a would not close");
        });
        app.resource(
                B,
                ctx -> {
                    throw new IllegalStateException("b would not open");
                },
                v -> {});

        assertThatThrownBy(app::start)
                .isInstanceOf(LifecycleException.class)
                .hasMessageContaining("b would not open")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .containsExactly("a would not close"));
    }

    @Test
    void aStoppedAppCannotStartAgainAndSaysToCreateANewOne() {
        Tulip app = Tulip.create(c -> c.port(0)).start();
        app.stop();

        assertThatThrownBy(app::start).hasMessageContaining("has stopped").hasMessageContaining("new app");
    }

    @Test
    void theContextIsFrozenOnceTheAppServes() {
        Tulip app = Tulip.create(c -> c.port(0)).start();
        try {
            assertThatThrownBy(() -> app.context().put(A, "late"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("frozen");
        } finally {
            app.stop();
        }
    }

    @Test
    void twoValuesUnderOneKeyNameAreAnError() {
        Tulip app = Tulip.create(c -> c.port(0));
        app.resource(A, ctx -> "first", v -> events.add("close first"));
        app.onBeforeStart(ctx -> ctx.put(Key.of("a", String.class), "second"));

        assertThatThrownBy(app::start)
                .isInstanceOf(LifecycleException.class)
                .hasMessageContaining("already holds a (String)");
        assertThat(events).containsExactly("close first");
    }

    @Test
    void keysOfOneTypeWithDifferentNamesHoldDifferentValues() {
        Tulip app = Tulip.create(c -> c.port(0));
        app.resource(A, ctx -> "primary", v -> {});
        app.resource(B, ctx -> "replica", v -> {});
        app.start();
        try {
            assertThat(app.context().get(A)).isEqualTo("primary");
            assertThat(app.context().get(B)).isEqualTo("replica");
        } finally {
            app.stop();
        }
    }
}
