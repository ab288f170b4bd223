package dev.tulip.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Every supported type survives a trip through a parameter and back, edge values included. */
class PgTypesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Pg pg;

    @BeforeAll
    static void open() {
        pg = Pg.connect(cfg -> cfg.url(TestDb.freshDatabase()));
        pg.execute("create type mood as enum ('sad', 'ok', 'happy')");
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("int2", (short) -32768),
                Arguments.of("int4", Integer.MAX_VALUE),
                Arguments.of("int8", Long.MIN_VALUE),
                Arguments.of("numeric", new BigDecimal("123456789012345678901234567890.000000000000000000001")),
                Arguments.of("numeric", new BigDecimal("-0.5")),
                Arguments.of("numeric", Double.NaN),
                Arguments.of("float4", Float.NaN),
                Arguments.of("float8", Double.POSITIVE_INFINITY),
                Arguments.of("float8", Double.NEGATIVE_INFINITY),
                Arguments.of("float8", -0.0),
                Arguments.of("text", "unicode: żółć 日本語 🌷"),
                Arguments.of("text", ""),
                Arguments.of("varchar", "x"),
                Arguments.of("bool", true),
                Arguments.of("bytea", new byte[] {0, 1, 0, (byte) 255}),
                Arguments.of("bytea", new byte[0]),
                Arguments.of("uuid", UUID.fromString("0b9e6a3a-0000-4000-8000-00000000abcd")),
                Arguments.of("date", LocalDate.of(2024, 2, 29)),
                Arguments.of("date", LocalDate.MAX),
                Arguments.of("time", LocalTime.of(23, 59, 59, 999_999_000)),
                Arguments.of("timestamp", LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000)),
                Arguments.of("timestamp", LocalDateTime.MAX),
                Arguments.of("timestamp", LocalDateTime.MIN),
                Arguments.of("timestamptz", OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC)),
                Arguments.of("timestamptz", OffsetDateTime.MAX),
                Arguments.of("interval", Interval.of(14, 3, Duration.ofHours(4).plusMillis(5))),
                Arguments.of("interval", Interval.of(-1, -2, Duration.ofSeconds(-3))),
                Arguments.of("json", JSON.readTree("{\"a\":[1,2.5,null,\"x\"]}")),
                Arguments.of("jsonb", JSON.readTree("[]")),
                Arguments.of("jsonb", JSON.readTree("\"just a string\"")),
                Arguments.of("int4[]", new Integer[] {1, null, 3}),
                Arguments.of("int4[]", new Integer[0]),
                Arguments.of("text[]", new String[] {"a", null, "ü"}),
                Arguments.of("uuid[]", new UUID[] {UUID.randomUUID()}),
                Arguments.of("mood", "happy"),
                Arguments.of("text", null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("values")
    void aValueSurvivesTheRoundTrip(String type, Object value) {
        Object back =
                pg.one("select $1::" + type + " as v", value).orElseThrow().value("v");
        if (value instanceof Object[] arr) assertThat((Object[]) back).containsExactly(arr);
        else if (value instanceof byte[] b) assertThat((byte[]) back).containsExactly(b);
        else if (value instanceof BigDecimal d) assertThat((BigDecimal) back).isEqualByComparingTo(d);
        else assertThat(back).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void aValueSurvivesAStoredRow(String type, Object value) {
        String table = "t_" + Math.abs((type + value).hashCode());
        pg.execute("create table if not exists " + table + " (v " + type + ")");
        pg.execute("delete from " + table);
        pg.execute("insert into " + table + " values ($1)", value);
        Object back = pg.one("select v from " + table).orElseThrow().value(0);
        if (value instanceof Object[] arr) assertThat((Object[]) back).containsExactly(arr);
        else if (value instanceof byte[] b) assertThat((byte[]) back).containsExactly(b);
        else if (value instanceof BigDecimal d) assertThat((BigDecimal) back).isEqualByComparingTo(d);
        else assertThat(back).isEqualTo(value);
    }

    @org.junit.jupiter.api.Test
    void infinityTimestampsReadAsMaxAndMin() {
        var r = pg.one("select 'infinity'::timestamptz as hi, '-infinity'::date as lo")
                .orElseThrow();
        assertThat(r.value("hi")).isEqualTo(OffsetDateTime.MAX);
        assertThat(r.value("lo")).isEqualTo(LocalDate.MIN);
    }
}
