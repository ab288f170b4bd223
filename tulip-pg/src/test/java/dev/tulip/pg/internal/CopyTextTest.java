package dev.tulip.pg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.pg.Interval;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CopyTextTest {
    private static String encoded(Object... row) {
        CopyText t = new CopyText(4); // small, so every test also grows the buffer
        t.row(row);
        return new String(t.bytes(), 0, t.size(), StandardCharsets.UTF_8);
    }

    @Test
    void valuesAreSeparatedByTabsAndTheRowEndsWithANewline() {
        assertThat(encoded(1, "a", true)).isEqualTo("1\ta\tt\n");
    }

    @Test
    void nullIsBackslashN() {
        assertThat(encoded(null, "x")).isEqualTo("\\N\tx\n");
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscaped() {
        assertThat(encoded("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re\n");
    }

    @Test
    void nonAsciiTextIsEscapedAndEncodedAsUtf8() {
        assertThat(encoded("tab\tthen é and 🌷\\")).isEqualTo("tab\\tthen é and 🌷\\\\\n");
    }

    @Test
    void integersOfEverySizeAndSignAreDigits() {
        assertThat(encoded(0, -7, Long.MIN_VALUE, Long.MAX_VALUE, (short) -3, (byte) 9))
                .isEqualTo("0\t-7\t-9223372036854775808\t9223372036854775807\t-3\t9\n");
    }

    @Test
    void byteaIsHexAfterAnEscapedBackslashX() {
        assertThat(encoded((Object) new byte[] {0, 15, (byte) 255})).isEqualTo("\\\\x000fff\n");
    }

    @Test
    void arraysAreLiteralsWithQuotedElementsAndNulls() {
        assertThat(encoded((Object) new String[] {"a\"b", null, "c\\d", "e\tf"}))
                .isEqualTo("{\"a\\\\\"b\",NULL,\"c\\\\\\\\d\",\"e\\tf\"}\n");
        assertThat(encoded((Object) new int[][] {{1, 2}, {3, 4}})).isEqualTo("{{\"1\",\"2\"},{\"3\",\"4\"}}\n");
    }

    @Test
    void jsonTreesAreTheirTextEscaped() {
        var tree = JsonMapper.builder().build().readTree("{\"k\":\"line\\nnext\"}");
        assertThat(encoded(tree)).isEqualTo("{\"k\":\"line\\\\nnext\"}\n");
    }

    @Test
    void numericNanInfinitiesAndIntervalsAreWhatPostgresReads() {
        assertThat(encoded(new BigDecimal("1.50"), Double.NaN, Double.NEGATIVE_INFINITY, OffsetDateTime.MAX))
                .isEqualTo("1.50\tNaN\t-Infinity\tinfinity\n");
        assertThat(encoded(new Interval(14, 3, 5_000_001))).isEqualTo("14 mons 3 days 5000001 microseconds\n");
    }
}
