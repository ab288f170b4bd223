package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.HttpException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartHeadersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "report.pdf|report.pdf",
                "../../etc/passwd|passwd",
                "..\\..\\windows\\win.ini|win.ini",
                "C:\\Users\\ada\\photo.jpg|photo.jpg",
                "/absolute/path.txt|path.txt",
                "..|upload",
                ".|upload",
                "''|upload",
                ".bashrc|bashrc",
                "...hidden..|hidden",
                "name. . .|name",
                "what?<x>|what__x_",
                "a:b|a_b",
                "CON|_CON",
                "con.txt|_con.txt",
                "lpt9.tar.gz|_lpt9.tar.gz",
                "console.txt|console.txt",
                "naïve résumé.pdf|naïve résumé.pdf",
                "  spaced  |spaced",
            })
    void filenamesAreMadeSafe(String submitted, String safe) {
        assertThat(PartHeaders.safeFilename(submitted)).isEqualTo(safe);
    }

    @Test
    void controlCharactersBecomeUnderscores() {
        assertThat(PartHeaders.safeFilename("a\u0000b.txt")).isEqualTo("a_b.txt");
        assertThat(PartHeaders.safeFilename("line\r\nbreak.txt")).isEqualTo("line__break.txt");
        assertThat(PartHeaders.safeFilename("esc\u001b[31m.txt")).isEqualTo("esc_[31m.txt");
        assertThat(PartHeaders.safeFilename("del\u007f\u0085.txt")).isEqualTo("del__.txt");
    }

    @Test
    void aLongFilenameIsCutTo255BytesKeepingItsExtension() {
        String safe = PartHeaders.safeFilename("é".repeat(300) + ".jpeg");

        assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(safe).endsWith(".jpeg").startsWith("éé");
    }

    @Test
    void theDispositionGivesNameAndFilenameWithQuotesUndone() {
        var h = PartHeaders.parse(
                List.of(
                        "Content-Disposition: form-data; name=\"avatar\"; filename=\"my \\\"best\\\" pic.png\"",
                        "Content-Type: image/png"),
                1);

        assertThat(h.name()).isEqualTo("avatar");
        assertThat(h.submittedFilename()).contains("my \"best\" pic.png");
        assertThat(h.contentType()).contains("image/png");
    }

    @Test
    void aWindowsPathsBackslashesAreKeptAsSentThenCutBySafeFilename() {
        var h = PartHeaders.parse(List.of("Content-Disposition: form-data; name=f; filename=\"C:\\dir\\a.txt\""), 1);

        assertThat(h.submittedFilename()).contains("C:\\dir\\a.txt");
        assertThat(PartHeaders.safeFilename(h.submittedFilename().orElseThrow()))
                .isEqualTo("a.txt");
    }

    @Test
    void anExtendedFilenameWinsOverThePlainOne() {
        var h = PartHeaders.parse(
                List.of("Content-Disposition: form-data; name=f; filename=\"rates.txt\";"
                        + " filename*=UTF-8''%e2%82%ac%20rates.txt"),
                1);

        assertThat(h.submittedFilename()).contains("€ rates.txt");
    }

    @Test
    void aPartWithoutADispositionOrNameIsA400() {
        assertThatThrownBy(() -> PartHeaders.parse(List.of("Content-Type: text/plain"), 2))
                .isInstanceOf(HttpException.class)
                .hasMessageContaining("part 2");
        assertThatThrownBy(() -> PartHeaders.parse(List.of("Content-Disposition: form-data"), 1))
                .hasMessageContaining("no name");
        assertThatThrownBy(() -> PartHeaders.parse(List.of("Content-Disposition: attachment; name=x"), 1))
                .hasMessageContaining("form-data");
    }
}
