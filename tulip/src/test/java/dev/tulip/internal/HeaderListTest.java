package dev.tulip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeaderListTest {

    @Test
    void getFindsANameWhateverItsCase() {
        HeaderList h = new HeaderList().add("Content-Type", "text/plain");

        assertThat(h.get("content-type")).isEqualTo("text/plain");
        assertThat(h.get("CONTENT-TYPE")).isEqualTo("text/plain");
        assertThat(h.contains("cOnTeNt-TyPe")).isTrue();
    }

    @Test
    void getOfAMissingNameIsNullAndFirstIsEmpty() {
        HeaderList h = new HeaderList();

        assertThat(h.get("X")).isNull();
        assertThat(h.first("X")).isEmpty();
        assertThat(h.contains("X")).isFalse();
    }

    @Test
    void addKeepsEarlierValuesInOrder() {
        HeaderList h = new HeaderList().add("Vary", "a").add("X", "1").add("vary", "b");

        assertThat(h.get("Vary")).isEqualTo("a");
        assertThat(h.all("VARY")).containsExactly("a", "b");
        assertThat(h.size()).isEqualTo(3);
    }

    @Test
    void setReplacesEveryValueOfTheName() {
        HeaderList h = new HeaderList().add("X", "1").add("x", "2").add("Y", "y");

        h.set("X", "3");

        assertThat(h.all("x")).containsExactly("3");
        assertThat(h.size()).isEqualTo(2);
    }

    @Test
    void removeDropsEveryValueOfTheNameAndKeepsTheOthersInOrder() {
        HeaderList h = new HeaderList()
                .add("A", "1")
                .add("X", "2")
                .add("B", "3")
                .add("x", "4")
                .add("C", "5");

        assertThat(h.remove("X")).isTrue();

        assertThat(h.size()).isEqualTo(3);
        assertThat(new String[] {h.name(0), h.name(1), h.name(2)}).containsExactly("A", "B", "C");
        assertThat(new String[] {h.value(0), h.value(1), h.value(2)}).containsExactly("1", "3", "5");
    }

    @Test
    void removeOfAMissingNameReturnsFalse() {
        assertThat(new HeaderList().add("A", "1").remove("B")).isFalse();
    }

    @Test
    void namesAreDistinctAsFirstSpelledInOrder() {
        HeaderList h = new HeaderList().add("X-B", "1").add("x-a", "2").add("X-b", "3");

        assertThat(h.names()).containsExactly("X-B", "x-a");
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        HeaderList h = new HeaderList();
        for (int i = 0; i < 50; i++) h.add("H" + i, Integer.toString(i));

        assertThat(h.size()).isEqualTo(50);
        assertThat(h.get("h49")).isEqualTo("49");
        assertThat(h.name(0)).isEqualTo("H0");
    }

    @Test
    void anIndexOutOfRangeIsRejected() {
        HeaderList h = new HeaderList().add("A", "1");

        assertThatThrownBy(() -> h.name(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> h.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void readOnlyHeadersCanBeReadButNotChanged() {
        HeaderList h = HeaderList.readOnly(new String[] {"Host", "example.com", "Accept", "*/*"}, 2);

        assertThat(h.get("host")).isEqualTo("example.com");
        assertThat(h.size()).isEqualTo(2);
        assertThatThrownBy(() -> h.add("X", "1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.set("Host", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> h.remove("Host")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readOnlyHeadersSeeOnlyTheCountGiven() {
        HeaderList h = HeaderList.readOnly(new String[] {"A", "1", "B", "2"}, 1);

        assertThat(h.contains("B")).isFalse();
        assertThat(h.names()).containsExactly("A");
    }

    @Test
    void allIsUnmodifiable() {
        HeaderList h = new HeaderList().add("A", "1");

        assertThatThrownBy(() -> h.all("A").add("2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aValueWithCarriageReturnOrLineFeedIsRejected() {
        assertThatThrownBy(() -> new HeaderList().add("X", "a\r\nSet-Cookie: evil=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid character in value of header X");
        assertThatThrownBy(() -> new HeaderList().add("X", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderList().add("X", "a\rb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueWithOtherControlCharactersIsRejected() {
        assertThatThrownBy(() -> new HeaderList().add("X", "a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderList().add("X", "a\u007fb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueBeyondLatin1IsRejected() {
        assertThatThrownBy(() -> new HeaderList().add("X", "5 €")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueWithTabsAndLatin1TextIsAccepted() {
        HeaderList h = new HeaderList().add("X", "a\tcafé").add("Y", "");

        assertThat(h.get("X")).isEqualTo("a\tcafé");
        assertThat(h.get("Y")).isEmpty();
    }

    @Test
    void aNameThatIsNotATokenIsRejected() {
        assertThatThrownBy(() -> new HeaderList().add("X Y", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid character in header name: X Y");
        assertThatThrownBy(() -> new HeaderList().add("X:", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderList().add("X\r\n", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyNameOrNullValueIsRejected() {
        assertThatThrownBy(() -> new HeaderList().add("", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header name must not be empty");
        assertThatThrownBy(() -> new HeaderList().add(null, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeaderList().add("X", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header X: value must not be null");
    }

    @Test
    void setValidatesToo() {
        HeaderList h = new HeaderList().add("X", "1");

        assertThatThrownBy(() -> h.set("X", "a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringListsTheFields() {
        assertThat(new HeaderList().add("A", "1").add("B", "2")).hasToString("{A: 1, B: 2}");
    }
}
