package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Tulip;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

class TulipAppsExtensionTest {

    /** The extension as a user registers it: the parameter is injected, the app stopped after the test. */
    @Nested
    @ExtendWith(TulipAppsExtension.class)
    class Registered {
        private TulipApps fromBeforeEach;

        @org.junit.jupiter.api.BeforeEach
        void remember(TulipApps apps) {
            fromBeforeEach = apps;
        }

        @Test
        void aTestGetsTheSameAppsAsItsBeforeEachAndAServerOfItsOwn(TulipApps apps) {
            assertThat(apps).isSameAs(fromBeforeEach);
            var server = apps.start(TulipAppsTest.app());
            assertThat(server.client().get("/fast").text()).isEqualTo("fast");
        }
    }

    // ---- the callbacks called directly, as JUnit would, around a test that blocks a loop

    private final Map<Object, Object> store = new HashMap<>();
    private final ExtensionContext context = (ExtensionContext) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("getStore")) return store();
                throw new UnsupportedOperationException(method.getName());
            });

    private ExtensionContext.Store store() {
        return (ExtensionContext.Store) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ExtensionContext.Store.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> store.get(args[0]);
                    case "put" -> store.put(args[0], args[1]);
                    case "remove" -> store.remove(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ParameterContext parameter(Parameter p) {
        return (ParameterContext) Proxy.newProxyInstance(
                TulipAppsExtensionTest.class.getClassLoader(),
                new Class<?>[] {ParameterContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getParameter")) return p;
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unused")
    private void aTest(TulipApps apps, Tulip other) {}

    @Test
    void theExtensionFailsATestThatBlockedALoopAfterStoppingItsApps() throws Exception {
        var extension = new TulipAppsExtension();
        Parameter[] params = getClass()
                .getDeclaredMethod("aTest", TulipApps.class, Tulip.class)
                .getParameters();
        assertThat(extension.supportsParameter(parameter(params[0]), context)).isTrue();
        assertThat(extension.supportsParameter(parameter(params[1]), context)).isFalse();

        var apps = (TulipApps) extension.resolveParameter(parameter(params[0]), context);
        assertThat(extension.resolveParameter(parameter(params[0]), context)).isSameAs(apps);
        var server = apps.start(TulipAppsTest.app());
        server.client().get("/slow");

        assertThatThrownBy(() -> extension.afterEach(context))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 time an event loop was blocked")
                .hasMessageContaining("sleepOnTheLoop");
        assertThat(server.app().state()).isEqualTo(Tulip.State.STOPPED);
        assertThat(store).isEmpty();
    }

    @Test
    void theExtensionPassesATestThatNeverAskedForApps() {
        new TulipAppsExtension().afterEach(context);
    }

    @Test
    void theExtensionTakesItsOwnThreshold() {
        var extension = TulipAppsExtension.withThreshold(java.time.Duration.ofSeconds(2));
        assertThat(extension).isNotNull();
        assertThatThrownBy(() -> TulipAppsExtension.withThreshold(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
