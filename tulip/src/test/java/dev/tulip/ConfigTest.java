package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ConfigTest {

    private static Config.Builder builder() {
        return new Config.Builder();
    }

    private static Config set(String key, String value) {
        return builder().set(key, value, "test").build();
    }

    // ---- defaults --------------------------------------------------------------------------------

    @Test
    void defaultsAreTheDocumentedValues() {
        Config c = Config.defaults();

        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8000);
        assertThat(c.eventLoops()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.transport()).isEqualTo(Config.Transport.AUTO);
        assertThat(c.maxRequestLine()).isEqualTo(8 * 1024);
        assertThat(c.maxHeaderSize()).isEqualTo(16 * 1024);
        assertThat(c.maxHeaderCount()).isEqualTo(100);
        assertThat(c.maxBodySize()).isEqualTo(10L * 1024 * 1024);
        assertThat(c.headTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.handlerTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxConcurrentRequests()).isEqualTo(10_000);
        assertThat(c.maxPipelined()).isEqualTo(64);
        assertThat(c.drainTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.accessLog()).isFalse();
        assertThat(c.serverHeader()).isEqualTo("Tulip");
    }

    @Test
    void byDefaultNoJsonMapperIsSetAndEachAppMakesItsOwnStrictOne() {
        assertThat(Config.defaults().jsonMapper()).isEmpty();
        assertThat(Json.newDefaultMapper()).isNotSameAs(Json.newDefaultMapper());
    }

    @Test
    void aJsonMapperSetInCodeIsKept() {
        JsonMapper mine = JsonMapper.builder().build();

        assertThat(builder().jsonMapper(mine).build().jsonMapper()).containsSame(mine);
    }

    @Test
    void toBuilderStartsFromEveryValueOfTheConfig() {
        Config c = builder()
                .host("0.0.0.0")
                .port(9000)
                .eventLoops(3)
                .transport(Config.Transport.NIO)
                .maxRequestLine(100)
                .maxHeaderSize(200)
                .maxHeaderCount(7)
                .maxBodySize(300)
                .headTimeout(Duration.ofSeconds(1))
                .idleTimeout(Duration.ofSeconds(2))
                .handlerTimeout(Duration.ofSeconds(3))
                .maxConcurrentRequests(4)
                .maxPipelined(5)
                .drainTimeout(Duration.ofSeconds(6))
                .accessLog(true)
                .serverHeader("X")
                .build();

        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void tulipCreateAppliesTheCodeConfig() {
        Tulip app = Tulip.create(cfg -> cfg.port(9123).accessLog(true));

        assertThat(app.config().port()).isEqualTo(9123);
        assertThat(app.config().accessLog()).isTrue();
    }

    @Test
    void configsWithTheSameValuesAreEqual() {
        Config a = builder().port(9000).idleTimeout(Duration.ofSeconds(5)).build();
        Config b = builder().idleTimeout(Duration.ofSeconds(5)).port(9000).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(b.toBuilder().port(9001).build());
        assertThat(a)
                .isNotEqualTo(
                        b.toBuilder().jsonMapper(JsonMapper.builder().build()).build());
    }

    @Test
    void aBuilderDoesNotChangeTheConfigItStartedFrom() {
        Config c = Config.defaults();
        Config.Builder b = c.toBuilder();

        b.port(1);

        assertThat(c.port()).isEqualTo(8000);
        assertThat(b.build().port()).isEqualTo(1);
    }

    @Test
    void toStringListsEverySettingByNameWithDurationsInShortUnits() {
        Config c = builder()
                .eventLoops(2)
                .headTimeout(Duration.ofMillis(500))
                .transport(Config.Transport.IO_URING)
                .build();

        assertThat(c.toString())
                .matches(
                        Pattern.quote(
                                "Config[host=127.0.0.1, port=8000, event-loops=2, transport=io_uring, "
                                        + "max-request-line=8192, max-header-size=16384, max-header-count=100, "
                                        + "max-body-size=10485760, head-timeout=500ms, idle-timeout=1m, handler-timeout=30s, "
                                        + "max-concurrent-requests=10000, max-pipelined=64, drain-timeout=30s, lame-duck=0s, linger-timeout=5s, linger-max-bytes=67108864, "
                                        + "access-log=false, request-ids=false, trusted-proxies=, debug=false, debug-any-host=false, health=false, health-path=/health, server-header=Tulip, trailing-slash=strict, compression=true, compression-min-size=1024, json-mapper=default]"));
    }

    @Test
    void durationsAreWrittenInTheLargestExactUnit() {
        assertThat(ConfigValues.formatDuration(Duration.ZERO)).isEqualTo("0s");
        assertThat(ConfigValues.formatDuration(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(ConfigValues.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(ConfigValues.formatDuration(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(ConfigValues.formatDuration(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(ConfigValues.formatDuration(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(ConfigValues.formatDuration(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(ConfigValues.formatDuration(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(ConfigValues.formatDuration(Duration.ofMillis(-1))).isEqualTo("-1ms");
        assertThat(ConfigValues.formatDuration(Duration.ofSeconds(-1))).isEqualTo("-1s");
    }

    @Test
    void durationsWithoutAShortFormAreWrittenInIso() {
        assertThat(ConfigValues.formatDuration(Duration.ofNanos(1500))).isEqualTo("PT0.0000015S");
        assertThat(ConfigValues.formatDuration(Duration.ofSeconds(Long.MAX_VALUE, 1_000_000)))
                .isEqualTo(Duration.ofSeconds(Long.MAX_VALUE, 1_000_000).toString());
    }

    @Test
    void writtenDurationsReadBackAsTheSameDuration() {
        for (Duration d : new Duration[] {
            Duration.ZERO,
            Duration.ofMillis(500),
            Duration.ofSeconds(90),
            Duration.ofMinutes(2),
            Duration.ofHours(3),
            Duration.ofNanos(1500),
            Duration.ofSeconds(Long.MAX_VALUE)
        }) {
            assertThat(ConfigValues.duration(ConfigValues.formatDuration(d)))
                    .as(d.toString())
                    .isEqualTo(d);
        }
    }

    // ---- the table of settings -------------------------------------------------------------------

    @Test
    void everyTextSettingReadsBackTheTextOfItsDefault() {
        for (Setting<?> s : Setting.ALL) {
            if (!s.fromText()) continue;
            String text = ConfigValues.format(s.defaultValue());

            assertThat(set(s.name, text)).as(s.name + "=" + text).isEqualTo(Config.defaults());
        }
    }

    @Test
    void theListInTheTablesJavadocMatchesTheTable() throws IOException {
        Path source = Path.of("src/main/java/dev/tulip/Setting.java");
        assertThat(source).exists();
        Pattern item = Pattern.compile("(?m)^ \\* <li>\\{@code ([a-z-]+)}(?: \\(alias \\{@code ([a-z-]+)}\\))?"
                + "(, code only)?, default (?:\\{@code ([^}]*)}|([^:]+)): (.*)$");
        Matcher m = item.matcher(Files.readString(source));
        List<String> listed = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            listed.add(name);
            Setting<?> s = Setting.find(name);
            assertThat(s).as("a setting called " + name).isNotNull();
            assertThat(s.name).as("the name, not an alias").isEqualTo(name);
            assertThat(s.aliases).as(name + " aliases").isEqualTo(m.group(2) == null ? List.of() : List.of(m.group(2)));
            assertThat(s.fromText()).as(name + " is code only").isEqualTo(m.group(3) == null);
            if (m.group(4) != null) {
                assertThat(s.parse(m.group(4))).as(name + " default").isEqualTo(s.defaultValue());
            }
            assertThat(m.group(6)).as(name + " doc").isEqualTo(s.doc);
        }

        assertThat(listed).isEqualTo(Setting.ALL.stream().map(s -> s.name).toList());
    }

    @Test
    void errorsListTheTextSettingsInTheOrderOfTheTable() {
        assertThatThrownBy(() -> set("prot", "1"))
                .hasMessageEndingWith(
                        "settings: host, port, event-loops, transport, max-request-line, max-header-size, "
                                + "max-header-count, max-body-size, head-timeout, idle-timeout, handler-timeout, "
                                + "max-concurrent-requests, max-pipelined, drain-timeout, lame-duck, linger-timeout, linger-max-bytes, access-log, request-ids, trusted-proxies, debug, debug-any-host, health, health-path, server-header, trailing-slash, compression, compression-min-size)");
    }

    @Test
    void aCodeOnlySettingCannotBeGivenAsText() {
        assertThatThrownBy(() -> builder().fromEnv(Map.of("TULIP_JSON_MAPPER", "strict")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment TULIP_JSON_MAPPER: json-mapper can only be set in code");
        assertThatThrownBy(() -> builder().fromArgs("--json-mapper=strict"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("argument --json-mapper: json-mapper can only be set in code");
    }

    // ---- builder validation ----------------------------------------------------------------------

    @Test
    void aPortAbove65535IsRejected() {
        assertThatThrownBy(() -> builder().port(70000))
                .isInstanceOf(ConfigException.class)
                .hasMessage("port must be 0-65535, was 70000");
    }

    @Test
    void aNegativePortIsRejected() {
        assertThatThrownBy(() -> builder().port(-1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("port");
    }

    @Test
    void portZeroAndPort65535AreAccepted() {
        assertThat(builder().port(0).build().port()).isZero();
        assertThat(builder().port(65535).build().port()).isEqualTo(65535);
    }

    @Test
    void anEmptyHostIsRejected() {
        assertThatThrownBy(() -> builder().host(" "))
                .isInstanceOf(ConfigException.class)
                .hasMessage("host must not be empty");
        assertThatThrownBy(() -> builder().host(null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("host must not be empty");
    }

    @Test
    void zeroEventLoopsAreRejected() {
        assertThatThrownBy(() -> builder().eventLoops(0))
                .isInstanceOf(ConfigException.class)
                .hasMessage("event-loops must be > 0, was 0");
    }

    @Test
    void nonPositiveLimitsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> builder().maxRequestLine(-1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("max-request-line must be > 0, was -1");
        assertThatThrownBy(() -> builder().maxHeaderSize(0))
                .isInstanceOf(ConfigException.class)
                .hasMessage("max-header-size must be > 0, was 0");
        assertThatThrownBy(() -> builder().maxHeaderCount(-5))
                .isInstanceOf(ConfigException.class)
                .hasMessage("max-header-count must be > 0, was -5");
        assertThatThrownBy(() -> builder().maxConcurrentRequests(0))
                .isInstanceOf(ConfigException.class)
                .hasMessage("max-concurrent-requests must be > 0, was 0");
        assertThatThrownBy(() -> builder().maxPipelined(0))
                .isInstanceOf(ConfigException.class)
                .hasMessage("max-pipelined must be > 0, was 0");
    }

    @Test
    void aNegativeMaxBodySizeIsRejected() {
        assertThatThrownBy(() -> builder().maxBodySize(-1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("max-body-size must be >= 0, was -1");
    }

    @Test
    void aZeroMaxBodySizeIsAccepted() {
        assertThat(builder().maxBodySize(0).build().maxBodySize()).isZero();
    }

    @Test
    void zeroOrNegativeTimeoutsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> builder().headTimeout(Duration.ZERO))
                .isInstanceOf(ConfigException.class)
                .hasMessage("head-timeout must be a positive duration, was 0s");
        assertThatThrownBy(() -> builder().idleTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("idle-timeout must be a positive duration, was -1s");
        assertThatThrownBy(() -> builder().handlerTimeout(null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("handler-timeout must be a positive duration");
    }

    @Test
    void aNegativeDrainTimeoutIsRejectedButZeroIsAccepted() {
        assertThatThrownBy(() -> builder().drainTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("drain-timeout must be >= 0, was -1ms");
        assertThat(builder().drainTimeout(Duration.ZERO).build().drainTimeout()).isZero();
    }

    @Test
    void aServerHeaderWithLineBreaksIsRejectedAsAConfigError() {
        assertThatThrownBy(() -> builder().serverHeader("Tulip\r\nX-Evil: 1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server-header");
    }

    @Test
    void anEmptyServerHeaderIsAccepted() {
        assertThat(builder().serverHeader("").build().serverHeader()).isEmpty();
    }

    @Test
    void aNullTransportIsRejectedAsAConfigError() {
        assertThatThrownBy(() -> builder().transport(null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("transport");
    }

    @Test
    void aNullJsonMapperIsRejectedAsAConfigError() {
        assertThatThrownBy(() -> builder().jsonMapper(null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("json-mapper");
    }

    @Test
    void anInvalidValueInTulipCreateFailsTheCreation() {
        assertThatThrownBy(() -> Tulip.create(cfg -> cfg.port(70000))).isInstanceOf(ConfigException.class);
    }

    // ---- set(): parsing text -----------------------------------------------------------------------

    @Test
    void setParsesIntegers() {
        assertThat(set("port", " 9000 ").port()).isEqualTo(9000);
        assertThat(set("max-header-count", "50").maxHeaderCount()).isEqualTo(50);
    }

    @Test
    void setAcceptsUnderscoresAndUpperCaseInKeys() {
        assertThat(set("MAX_PIPELINED", "3").maxPipelined()).isEqualTo(3);
    }

    @Test
    void workersIsAnAliasOfEventLoops() {
        assertThat(set("workers", "2").eventLoops()).isEqualTo(2);
        assertThat(set("event-loops", "3").eventLoops()).isEqualTo(3);
    }

    @Test
    void setParsesPlainSizesAsBytes() {
        assertThat(set("max-body-size", "1048576").maxBodySize()).isEqualTo(1048576);
        assertThat(set("max-body-size", "10b").maxBodySize()).isEqualTo(10);
    }

    @Test
    void setParsesSizesWithBinaryUnits() {
        assertThat(set("max-body-size", "512k").maxBodySize()).isEqualTo(512L * 1024);
        assertThat(set("max-body-size", "512KB").maxBodySize()).isEqualTo(512L * 1024);
        assertThat(set("max-body-size", "10MiB").maxBodySize()).isEqualTo(10L * 1024 * 1024);
        assertThat(set("max-body-size", "10 mb").maxBodySize()).isEqualTo(10L * 1024 * 1024);
        assertThat(set("max-body-size", "2g").maxBodySize()).isEqualTo(2L * 1024 * 1024 * 1024);
    }

    @Test
    void intSizedSettingsTakeUnitsToo() {
        assertThat(set("max-request-line", "4k").maxRequestLine()).isEqualTo(4096);
        assertThat(set("max-header-size", "1MiB").maxHeaderSize()).isEqualTo(1024 * 1024);
    }

    @Test
    void aSizeThatIsNotASizeIsRejected() {
        assertThatThrownBy(() -> set("max-body-size", "1.5m"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a size");
        assertThatThrownBy(() -> set("max-body-size", "-1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a size");
        assertThatThrownBy(() -> set("max-body-size", "10 parsecs"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a size");
    }

    @Test
    void aSizeTooLargeIsRejected() {
        assertThatThrownBy(() -> set("max-body-size", "99999999999999999999"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("size too large");
        assertThatThrownBy(() -> set("max-body-size", "9999999999999g"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("size too large");
        assertThatThrownBy(() -> set("max-header-size", "4g"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("size too large");
    }

    @Test
    void setParsesDurationsWithUnits() {
        assertThat(set("head-timeout", "500ms").headTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(set("head-timeout", "30s").headTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(set("head-timeout", "2m").headTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(set("head-timeout", "1h").headTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(set("head-timeout", "2 M").headTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aDurationWithoutUnitIsInSeconds() {
        assertThat(set("idle-timeout", "45").idleTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void setParsesIsoDurations() {
        assertThat(set("handler-timeout", "PT1S").handlerTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(set("handler-timeout", "pt1m30s").handlerTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aDurationThatIsNotADurationIsRejected() {
        assertThatThrownBy(() -> set("head-timeout", "soon"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> set("head-timeout", "1d"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> set("head-timeout", "PTxS"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a duration");
    }

    @Test
    void aDurationTooLargeIsAConfigError() {
        assertThatThrownBy(() -> builder().set("head-timeout", "99999999999999999999s", "argument --head-timeout"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("argument --head-timeout: duration too large");
        assertThatThrownBy(() -> set("head-timeout", "9223372036854775807h"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("duration too large");
    }

    @Test
    void aParsedDurationIsStillValidatedBySetting() {
        assertThatThrownBy(() -> set("head-timeout", "0s"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("head-timeout must be a positive duration");
        assertThat(set("drain-timeout", "0").drainTimeout()).isZero();
    }

    @Test
    void setParsesTrueBooleans() {
        for (String v : new String[] {"true", "TRUE", "1", "yes", "on"}) {
            assertThat(set("access-log", v).accessLog()).as(v).isTrue();
        }
    }

    @Test
    void setParsesFalseBooleans() {
        for (String v : new String[] {"false", "0", "no", "Off"}) {
            assertThat(builder()
                            .accessLog(true)
                            .set("access-log", v, "test")
                            .build()
                            .accessLog())
                    .as(v)
                    .isFalse();
        }
    }

    @Test
    void aBooleanThatIsNotABooleanIsRejected() {
        assertThatThrownBy(() -> set("access-log", "maybe"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a boolean");
    }

    @Test
    void setParsesTransports() {
        assertThat(set("transport", "auto").transport()).isEqualTo(Config.Transport.AUTO);
        assertThat(set("transport", "EPOLL").transport()).isEqualTo(Config.Transport.EPOLL);
        assertThat(set("transport", "io_uring").transport()).isEqualTo(Config.Transport.IO_URING);
        assertThat(set("transport", "io-uring").transport()).isEqualTo(Config.Transport.IO_URING);
        assertThat(set("transport", "iouring").transport()).isEqualTo(Config.Transport.IO_URING);
        assertThat(set("transport", "nio").transport()).isEqualTo(Config.Transport.NIO);
    }

    @Test
    void anUnknownTransportIsRejected() {
        assertThatThrownBy(() -> set("transport", "kqueue"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a transport (auto, epoll, io_uring, nio)");
    }

    @Test
    void setTakesHostAndServerHeaderAsText() {
        assertThat(set("host", "0.0.0.0").host()).isEqualTo("0.0.0.0");
        assertThat(set("server-header", "Petal/1").serverHeader()).isEqualTo("Petal/1");
    }

    @Test
    void aSetErrorNamesTheSourceTheProblemAndTheValue() {
        assertThatThrownBy(() -> builder().set("port", "70000", "argument --port"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "argument --port: port must be 0-65535, was 70000 (value: '70000'; settings: host, port,");
    }

    @Test
    void aNonIntegerIsRejected() {
        assertThatThrownBy(() -> set("port", "eighty"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not an integer");
        assertThatThrownBy(() -> set("port", "99999999999"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not an integer");
    }

    @Test
    void anUnknownSettingIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> set("prot", "9000"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test: unknown setting")
                .hasMessageContaining("max-body-size")
                .hasMessageContaining("server-header");
    }

    // ---- fromEnv -----------------------------------------------------------------------------------

    @Test
    void fromEnvAppliesTulipVariables() {
        Config c = builder()
                .fromEnv(Map.of("TULIP_PORT", "9001", "TULIP_MAX_BODY_SIZE", "1m", "TULIP_ACCESS_LOG", "true"))
                .build();

        assertThat(c.port()).isEqualTo(9001);
        assertThat(c.maxBodySize()).isEqualTo(1024 * 1024);
        assertThat(c.accessLog()).isTrue();
    }

    @Test
    void fromEnvIgnoresOtherVariables() {
        Config c = builder()
                .fromEnv(Map.of("PATH", "/bin", "PORT", "1", "tulip_port", "2", "MY_TULIP_PORT", "3"))
                .build();

        assertThat(c).isEqualTo(Config.defaults());
    }

    @Test
    void fromEnvWarnsAboutAnUnknownTulipVariableAndGoesOn() throws Exception {
        // scripts and other tools use TULIP_* variables of their own (TULIP_DIR, TULIP_BENCH_MODE)
        Config[] c = new Config[1];
        String log = StdErr.capture(() -> c[0] = builder()
                .fromEnv(Map.of("TULIP_DIR", "/opt/tulip", "TULIP_PORT", "9001"))
                .build());

        assertThat(c[0].port()).isEqualTo(9001);
        assertThat(log).contains("environment TULIP_DIR: not a setting, ignored (settings: host, port");
    }

    @Test
    void fromEnvReportsABadValueNamingTheVariable() {
        assertThatThrownBy(() -> builder().fromEnv(Map.of("TULIP_PORT", "70000")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment TULIP_PORT: port must be 0-65535, was 70000");
    }

    // ---- fromArgs ----------------------------------------------------------------------------------

    @Test
    void fromArgsTakesTheValueFromTheNextArgument() {
        assertThat(builder().fromArgs("--port", "9000").build().port()).isEqualTo(9000);
    }

    @Test
    void fromArgsTakesTheValueAfterAnEqualsSign() {
        assertThat(builder().fromArgs("--port=9000").build().port()).isEqualTo(9000);
    }

    @Test
    void fromArgsKeepsEqualsSignsInsideTheValue() {
        assertThat(builder().fromArgs("--server-header=a=b").build().serverHeader())
                .isEqualTo("a=b");
    }

    @Test
    void fromArgsAcceptsAnEmptyValueAfterEquals() {
        assertThat(builder().fromArgs("--server-header=").build().serverHeader())
                .isEmpty();
    }

    @Test
    void fromArgsAppliesSeveralSettings() {
        Config c = builder()
                .fromArgs("--port", "9000", "--host=0.0.0.0", "--idle-timeout", "5s")
                .build();

        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void accessLogAloneAtTheEndIsAFlag() {
        assertThat(builder().fromArgs("--access-log").build().accessLog()).isTrue();
    }

    @Test
    void accessLogFollowedByAnotherSettingIsAFlag() {
        Config c = builder().fromArgs("--access-log", "--port", "9000").build();

        assertThat(c.accessLog()).isTrue();
        assertThat(c.port()).isEqualTo(9000);
    }

    @Test
    void accessLogMayStillTakeAnExplicitValue() {
        assertThat(builder()
                        .accessLog(true)
                        .fromArgs("--access-log", "false")
                        .build()
                        .accessLog())
                .isFalse();
        assertThat(builder()
                        .accessLog(true)
                        .fromArgs("--access-log=off")
                        .build()
                        .accessLog())
                .isFalse();
    }

    @Test
    void aSettingWithoutValueIsAnError() {
        assertThatThrownBy(() -> builder().fromArgs("--port"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("argument --port: missing value");
    }

    @Test
    void anArgumentThatIsNotASettingIsAnError() {
        assertThatThrownBy(() -> builder().fromArgs("serve"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("argument 'serve': expected --setting value or --setting=value");
        assertThatThrownBy(() -> builder().fromArgs("-p", "9000"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("argument '-p'");
    }

    @Test
    void anUnknownArgumentSettingIsAnError() {
        assertThatThrownBy(() -> builder().fromArgs("--prot", "9000"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("argument --prot: unknown setting");
    }

    @Test
    void aBadArgumentValueNamesTheArgument() {
        assertThatThrownBy(() -> builder().fromArgs("--max-body-size", "lots"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("argument --max-body-size: not a size");
    }

    @Test
    void noArgumentsChangeNothing() {
        assertThat(builder().fromArgs().build()).isEqualTo(Config.defaults());
    }

    // ---- precedence ------------------------------------------------------------------------------

    @Test
    void theEnvironmentOverridesTheCode() {
        Config c = builder().port(1000).fromEnv(Map.of("TULIP_PORT", "2000")).build();

        assertThat(c.port()).isEqualTo(2000);
    }

    @Test
    void argumentsOverrideTheEnvironmentAndTheCode() {
        Config c = builder()
                .port(1000)
                .fromEnv(Map.of("TULIP_PORT", "2000"))
                .fromArgs("--port", "3000")
                .build();

        assertThat(c.port()).isEqualTo(3000);
    }

    @Test
    void eachLayerOverridesOnlyTheSettingsItGives() {
        Config code = builder().host("10.0.0.1").port(1000).maxPipelined(9).build();

        Config c = code.toBuilder()
                .fromEnv(Map.of("TULIP_PORT", "2000", "TULIP_IDLE_TIMEOUT", "7s"))
                .fromArgs("--idle-timeout", "8s")
                .build();

        assertThat(c.host()).isEqualTo("10.0.0.1");
        assertThat(c.maxPipelined()).isEqualTo(9);
        assertThat(c.port()).isEqualTo(2000);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(8));
    }
}
