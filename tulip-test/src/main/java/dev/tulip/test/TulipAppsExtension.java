package dev.tulip.test;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that fails a test whose apps blocked an event loop. A test (or a
 * {@code @BeforeEach} method) takes a {@link TulipApps} parameter and starts its apps through it;
 * after the test the extension stops them and fails the test with each blocked episode and its
 * stack. Register it with {@code @ExtendWith(TulipAppsExtension.class)} (a 200 ms threshold) or
 * as a {@code @RegisterExtension static final TulipAppsExtension APPS =
 * TulipAppsExtension.withThreshold(...)} field. Needs {@code junit-jupiter-api} on the test
 * classpath, which a JUnit project has.
 */
public final class TulipAppsExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TulipApps.class);

    private final Duration threshold;

    /** The extension with a 200 ms threshold, for {@code @ExtendWith}. */
    public TulipAppsExtension() {
        this(TulipApps.DEFAULT_THRESHOLD);
    }

    private TulipAppsExtension(Duration threshold) {
        this.threshold = threshold;
    }

    /** The extension with its own threshold, for {@code @RegisterExtension}. */
    public static TulipAppsExtension withThreshold(Duration threshold) {
        TulipApps.create(threshold); // validates it now
        return new TulipAppsExtension(threshold);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TulipApps.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TulipApps apps = store.get(TulipApps.class, TulipApps.class);
        if (apps == null) {
            apps = TulipApps.create(threshold);
            store.put(TulipApps.class, apps);
        }
        return apps;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TulipApps apps = context.getStore(NAMESPACE).remove(TulipApps.class, TulipApps.class);
        if (apps != null) apps.close();
    }
}
