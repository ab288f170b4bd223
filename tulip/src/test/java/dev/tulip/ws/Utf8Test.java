package dev.tulip.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The incremental UTF-8 check agrees with the JDK's strict decoder (Autobahn's group 6 sequences among others). */
class Utf8Test {

    private static boolean jdkValid(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "48656c6c6f", "cebae1bd b9cf83cebcceb5", "f09f9880", "efbbbf", "f48fbfbf", "ee8080"})
    void validSequencesAreAccepted(String hex) {
        assertThat(Utf8.valid(HexFormat.of().parseHex(hex.replace(" ", "")))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "c080",
                "e08080",
                "f0808080",
                "eda080",
                "edbfbf",
                "f4908080",
                "f5",
                "ff",
                "80",
                "c2",
                "e282",
                "cebae1bdb9cf83cebcceb5eda080656469746564"
            })
    void invalidSequencesAreRejected(String hex) {
        assertThat(Utf8.valid(HexFormat.of().parseHex(hex))).isFalse();
    }

    @Test
    void randomBytesAreJudgedAsTheJdkJudgesThem() {
        Random r = new Random(6455);
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[1 + r.nextInt(6)];
            r.nextBytes(b);
            if (r.nextBoolean()) b[0] = (byte) (0xc0 | (b[0] & 0x3f)); // lead bytes more often than chance
            assertThat(Utf8.valid(b)).as(HexFormat.of().formatHex(b)).isEqualTo(jdkValid(b));
        }
    }

    @Test
    void everyCodePointEncodedByTheJdkIsValid() {
        for (int cp = 0; cp <= 0x10ffff; cp += cp < 0x1000 ? 1 : 7) {
            if (cp >= 0xd800 && cp <= 0xdfff) continue;
            assertThat(Utf8.valid(Character.toString(cp).getBytes(StandardCharsets.UTF_8)))
                    .as("U+%X", cp)
                    .isTrue();
        }
    }
}
