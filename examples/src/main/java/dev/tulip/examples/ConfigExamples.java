package dev.tulip.examples;

import dev.tulip.AppSetting;
import dev.tulip.Tulip;
import java.time.Duration;

/** Configuration: settings of the app's own, read like the server's. */
public final class ConfigExamples {
    private ConfigExamples() {}

    // tag::app-settings[]
    static final AppSetting<String> PONG_URL =
            AppSetting.string("pong-url", "http://127.0.0.1:8001", "where the pong service listens");
    static final AppSetting<Duration> PONG_TIMEOUT =
            AppSetting.duration("pong-timeout", Duration.ofSeconds(2), "how long to wait for pong");
    static final AppSetting<String> DB_URL = AppSetting.string("db-url", null, "the database")
            .env("DATABASE_URL")
            .secret();
    // end::app-settings[]

    /** The guide's app: its settings declared, read by a handler. */
    public static Tulip app() {
        // tag::declare[]
        Tulip app = Tulip.create(cfg -> cfg.envPrefix("PONG_")).declare(PONG_URL, PONG_TIMEOUT, DB_URL);
        app.get(
                "/where",
                req -> req.context().config().get(PONG_URL) + " within "
                        + req.context().config().get(PONG_TIMEOUT).toMillis() + "ms; database "
                        + (req.context().config().find(DB_URL).isPresent() ? "set" : "not set"));
        // end::declare[]
        return app;
    }

    /** The javadoc's example. */
    static Tulip javadoc() {
        // tag::app-setting-javadoc[]
        Tulip app = Tulip.create().declare(PONG_URL);
        app.get("/ping", req -> fetch(req.context().config().get(PONG_URL) + "/pong"));
        // end::app-setting-javadoc[]
        return app;
    }

    private static String fetch(String url) {
        return "would fetch " + url;
    }
}
