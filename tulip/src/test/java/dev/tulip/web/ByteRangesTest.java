package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ByteRanges}: what the socket tables leave out. */
class ByteRangesTest {

    @Test
    void rangesAreSortedAndMergedWhenTheyOverlapOrTouch() {
        assertThat(ByteRanges.parse("bytes=50-59,0-9,5-12,13-20", 100))
                .isEqualTo(new ByteRanges.Some(List.of(new ByteRanges.Range(0, 20), new ByteRanges.Range(50, 59))));
    }

    @Test
    void anEmptyRepresentationSatisfiesNoRange() {
        assertThat(ByteRanges.parse("bytes=0-", 0)).isInstanceOf(ByteRanges.Unsatisfiable.class);
        assertThat(ByteRanges.parse("bytes=-5", 0)).isInstanceOf(ByteRanges.Unsatisfiable.class);
    }

    @Test
    void aNumberTooLongToBeALengthIsIgnored() {
        assertThat(ByteRanges.parse("bytes=0-99999999999999999999", 100)).isInstanceOf(ByteRanges.Whole.class);
    }

    @Test
    void unsatisfiableRangesBesideASatisfiableOneAreDropped() {
        assertThat(ByteRanges.parse("bytes=500-600,0-1", 100))
                .isEqualTo(new ByteRanges.Some(List.of(new ByteRanges.Range(0, 1))));
    }
}
