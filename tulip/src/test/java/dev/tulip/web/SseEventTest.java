package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SseEvent}: the text/event-stream format of one event. */
class SseEventTest {

    @Test
    void anEventIsItsFieldsThenItsDataThenABlankLine() {
        SseEvent e = Sse.event("hello").id("7").event("greeting").retry(Duration.ofSeconds(2));
        assertThat(e.toString()).isEqualTo("id: 7\nevent: greeting\nretry: 2000\ndata: hello\n\n");
    }

    @Test
    void dataOfSeveralLinesBecomesSeveralDataFields() {
        assertThat(Sse.event("one\ntwo\r\nthree\rfour").toString())
                .isEqualTo("data: one\ndata: two\ndata: three\ndata: four\n\n");
    }

    @Test
    void emptyDataIsOneEmptyDataField() {
        assertThat(Sse.event("").toString()).isEqualTo("data: \n\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\0b"})
    void anIdOrTypeWithALineBreakIsRefused(String value) {
        assertThatThrownBy(() -> Sse.event("x").id(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CR, LF or NUL");
        assertThatThrownBy(() -> Sse.event("x").event(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCommentIsOneColonLinePerLine() {
        assertThat(new String(SseEvent.comment("a\nb"))).isEqualTo(": a\n: b\n\n");
    }

    @Test
    void anEventIsImmutable() {
        SseEvent plain = Sse.event("x");
        plain.id("1");
        assertThat(plain.id()).isEmpty();
    }
}
