package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSettingTest {
    static final AppSetting<String> PONG_URL =
            AppSetting.string("pong-url", "http://127.0.0.1:8001", "where the pong service listens");
    static final AppSetting<Integer> RETRIES = AppSetting.integer("retries", 3, "how often to retry pong");
    static final AppSetting<Duration> PATIENCE = AppSetting.duration("patience", Duration.ofSeconds(2), "wait");
    static final AppSetting<Boolean> LOUD = AppSetting.flag("loud", false, "log every pong");
    static final AppSetting<String> DB_URL = AppSetting.string("db-url", null, "the database")
            .env("DATABASE_URL")
            .secret();

    private static Config.Builder declared() {
        return new Config.Builder().declare(PONG_URL, RETRIES, PATIENCE, LOUD, DB_URL);
    }

    @Test
    void aDeclaredSettingHasItsDefault() {
        Config c = declared().build();

        assertThat(c.get(PONG_URL)).isEqualTo("http://127.0.0.1:8001");
        assertThat(c.get(RETRIES)).isEqualTo(3);
        assertThat(c.get(PATIENCE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.get(LOUD)).isFalse();
    }

    @Test
    void precedenceIsDefaultThenCodeThenEnvironmentThenArguments() {
        Config code = declared().set(RETRIES, 4).build();
        Config env =
                declared().set(RETRIES, 4).fromEnv(Map.of("TULIP_RETRIES", "5")).build();
        Config args = declared()
                .set(RETRIES, 4)
                .fromEnv(Map.of("TULIP_RETRIES", "5"))
                .fromArgs("--retries=6")
                .build();

        assertThat(code.get(RETRIES)).isEqualTo(4);
        assertThat(env.get(RETRIES)).isEqualTo(5);
        assertThat(args.get(RETRIES)).isEqualTo(6);
    }

    @Test
    void theArgumentsReadLikeTheServersOwn() {
        Config c = declared()
                .fromArgs("--pong-url", "http://p:1", "--loud", "--port=9000")
                .build();

        assertThat(c.get(PONG_URL)).isEqualTo("http://p:1");
        assertThat(c.get(LOUD)).isTrue();
        assertThat(c.port()).isEqualTo(9000);
    }

    @Test
    void theAppsPrefixAndNamedVariablesAreRead() {
        Config prefixed = declared()
                .envPrefix("PONG_")
                .fromEnv(Map.of("PONG_RETRIES", "9"))
                .build();
        Config named = declared()
                .fromEnv(Map.of("DATABASE_URL", "postgres://u:pw@h/db"))
                .build();

        assertThat(prefixed.get(RETRIES)).isEqualTo(9);
        assertThat(named.get(DB_URL)).isEqualTo("postgres://u:pw@h/db");
    }

    @Test
    void twoVariablesOfOneSettingThatDisagreeAreAnError() {
        assertThatThrownBy(() ->
                        declared().fromEnv(Map.of("TULIP_DB_URL", "postgres://a/x", "DATABASE_URL", "postgres://b/y")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment TULIP_DB_URL and DATABASE_URL both set db-url, differently; unset one");
    }

    @Test
    void aBadValueIsAnErrorNamingTheSourceAndTheSetting() {
        assertThatThrownBy(() -> declared().fromEnv(Map.of("TULIP_RETRIES", "many")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment TULIP_RETRIES: not an integer (value: 'many'; settings: host,")
                .hasMessageEndingWith("pong-url, retries, patience, loud, db-url)");
        assertThatThrownBy(() -> declared().fromArgs("--patience=soon"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("argument --patience: not a duration");
    }

    @Test
    void aSecretIsNeverPrinted() {
        Config c = declared().fromArgs("--db-url=postgres://u:hunter2@h/db").build();

        assertThat(c.get(DB_URL)).contains("hunter2");
        assertThat(c.toString()).contains("db-url=****").doesNotContain("hunter2");
        assertThat(c.describe()).contains("--db-url=****").doesNotContain("hunter2");
    }

    @Test
    void aSettingWithoutADefaultIsEmptyUntilGivenAndGetSaysHowToGiveIt() {
        Config c = declared().build();

        assertThat(c.find(DB_URL)).isEmpty();
        assertThatThrownBy(() -> c.get(DB_URL))
                .isInstanceOf(ConfigException.class)
                .hasMessage("db-url has no value: set it with --db-url=... or TULIP_DB_URL or DATABASE_URL");
    }

    @Test
    void anUndeclaredSettingCannotBeReadNorSetFromText() {
        assertThatThrownBy(() -> new Config.Builder().build().get(PONG_URL))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("app setting 'pong-url' is not declared");
        assertThatThrownBy(() -> new Config.Builder().fromArgs("--pong-url=x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("argument --pong-url: unknown setting");
    }

    @Test
    void argumentsAfterADoubleDashAreLeftToTheApp() {
        Config c = declared()
                .fromArgs("--retries=1", "--", "--not-a-setting", "file.txt")
                .build();

        assertThat(c.get(RETRIES)).isEqualTo(1);
        assertThat(c.arguments()).containsExactly("--not-a-setting", "file.txt");
    }

    @Test
    void describeListsEverySettingWithItsValueAndSource() {
        Config c = declared()
                .set(RETRIES, 4)
                .fromEnv(Map.of("TULIP_PORT", "9000"))
                .fromArgs("--loud")
                .build();

        assertThat(c.describe())
                .contains("--port=9000  [environment TULIP_PORT]")
                .contains("--host=127.0.0.1  [default]")
                .contains("--retries=4  [code]")
                .contains("--loud=true  [argument --loud]")
                .contains("where the pong service listens (TULIP_PONG_URL)")
                .contains("--db-url=(none)  [default]");
    }

    @Test
    void namesAreCheckedWhenDeclared() {
        assertThatThrownBy(() -> AppSetting.string("Pong_URL", "", "x"))
                .hasMessageContaining("lower-case words joined by '-'");
        assertThatThrownBy(() -> AppSetting.integer("port", 1, "x"))
                .hasMessageContaining("'port' is one of the server's own settings");
        assertThatThrownBy(() -> AppSetting.string("x", "", " ")).hasMessageContaining("describe app setting 'x'");
        assertThatThrownBy(() -> declared().declare(AppSetting.string("retries", "", "another meaning")))
                .hasMessage("app setting 'retries' is declared twice, differently");
    }

    @Test
    void handlersReadTheConfigTheAppRunsWith() throws Exception {
        Tulip app = Tulip.create(cfg -> cfg.port(0).set(RETRIES, 7)).declare(PONG_URL);
        try (var direct = app.startInProcess()) {
            assertThat(app.context().config().get(RETRIES)).isEqualTo(7);
            assertThat(app.context().config().get(PONG_URL)).isEqualTo("http://127.0.0.1:8001");
        }
    }
}
