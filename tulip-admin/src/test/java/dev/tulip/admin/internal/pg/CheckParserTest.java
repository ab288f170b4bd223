package dev.tulip.admin.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** CHECK definitions as pg_get_constraintdef prints them, read into atoms. */
class CheckParserTest {

    @Test
    void aConjunctionOfBoundsIsOneAtomEach() {
        assertThat(CheckParser.parse("CHECK (((score >= (0)::numeric) AND (score <= (1000)::numeric)))"))
                .containsExactly(
                        new CheckAtom.Compare("score", ">=", BigDecimal.ZERO),
                        new CheckAtom.Compare("score", "<=", new BigDecimal(1000)));
    }

    @Test
    void negativeAndDecimalNumbersAreRead() {
        assertThat(CheckParser.parse("CHECK ((t >= '-40'::integer))"))
                .containsExactly(new CheckAtom.Compare("t", ">=", new BigDecimal(-40)));
        assertThat(CheckParser.parse("CHECK ((ratio < 0.5))"))
                .containsExactly(new CheckAtom.Compare("ratio", "<", new BigDecimal("0.5")));
    }

    @Test
    void aNumberOnTheLeftIsFlipped() {
        assertThat(CheckParser.parse("CHECK ((0 < n))"))
                .containsExactly(new CheckAtom.Compare("n", ">", BigDecimal.ZERO));
    }

    @Test
    void quotedColumnsAndCastsAreSeenThrough() {
        assertThat(CheckParser.parse("CHECK ((length((\"Full \"\"Name\"\"\")::text) <= 50))"))
                .containsExactly(new CheckAtom.Length("Full \"Name\"", "<=", 50));
        assertThat(CheckParser.parse("CHECK ((char_length(VALUE) >= 2))"))
                .containsExactly(new CheckAtom.Length("VALUE", ">=", 2));
    }

    @Test
    void emptinessAndRegexesAreRead() {
        assertThat(CheckParser.parse("CHECK ((name <> ''::text))")).containsExactly(new CheckAtom.NotEmpty("name"));
        assertThat(CheckParser.parse("CHECK (((code)::text ~ '^[A-Z]{3}$'::text))"))
                .containsExactly(new CheckAtom.Regex("code", "^[A-Z]{3}$"));
        assertThat(CheckParser.parse("CHECK ((note ~ 'it''s (x AND y)'::text)) NOT VALID"))
                .containsExactly(new CheckAtom.Regex("note", "it's (x AND y)"));
    }

    @Test
    void disjunctionsFunctionsAndOtherOperatorsAreLeftToTheDatabase() {
        assertThat(CheckParser.parse("CHECK (((odd % 2) = 1) OR (odd IS NULL))"))
                .isEmpty();
        assertThat(CheckParser.parse("CHECK ((a < b))")).isEmpty();
        assertThat(CheckParser.parse("CHECK ((name ~* 'x'::text))")).isEmpty();
        assertThat(CheckParser.parse("CHECK ((name !~ 'x'::text))")).isEmpty();
        assertThat(CheckParser.parse("CHECK ((lower(name) <> ''::text))")).isEmpty();
        assertThat(CheckParser.parse("CHECK ((n = 3))")).isEmpty();
        assertThat(CheckParser.parse("UNIQUE (n)")).isEmpty();
    }

    @Test
    void theSimplePartsOfAMixedConjunctionAreKept() {
        assertThat(CheckParser.parse("CHECK (((age >= 0) AND ((age % 2) = 0)))"))
                .containsExactly(new CheckAtom.Compare("age", ">=", BigDecimal.ZERO));
    }
}
