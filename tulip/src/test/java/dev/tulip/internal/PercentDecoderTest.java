package dev.tulip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentDecoderTest {

    @Test
    void textWithoutEscapesIsReturnedAsIs() {
        String s = "plain-text_1";

        assertThat(PercentDecoder.decode(s)).isSameAs(s);
    }

    @Test
    void escapesAreDecodedAsUtf8() {
        assertThat(PercentDecoder.decode("caf%C3%A9%20%e2%82%ac")).isEqualTo("café €");
    }

    @Test
    void plusStaysPlusInPaths() {
        assertThat(PercentDecoder.decode("a+b%20c")).isEqualTo("a+b c");
    }

    @Test
    void plusIsASpaceInQueries() {
        assertThat(PercentDecoder.decode("a+b", true)).isEqualTo("a b");
        assertThat(PercentDecoder.decode("a+b%2Bc", true)).isEqualTo("a b+c");
    }

    @Test
    void rawNonAsciiCharactersArePassedThrough() {
        assertThat(PercentDecoder.decode("é%20ü")).isEqualTo("é ü");
    }

    @Test
    void anIncompleteEscapeIsRejected() {
        assertThatThrownBy(() -> PercentDecoder.decode("a%2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("incomplete percent-escape");
        assertThatThrownBy(() -> PercentDecoder.decode("a%")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNonHexEscapeIsRejected() {
        assertThatThrownBy(() -> PercentDecoder.decode("%zz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad percent-escape");
    }

    @Test
    void escapesThatAreNotUtf8AreRejected() {
        assertThatThrownBy(() -> PercentDecoder.decode("%C3%28"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> PercentDecoder.decode("%FF")).isInstanceOf(IllegalArgumentException.class);
    }
}
