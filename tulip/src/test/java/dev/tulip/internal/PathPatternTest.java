package dev.tulip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.internal.PathPattern.Segment;
import dev.tulip.internal.PathPattern.Type;
import org.junit.jupiter.api.Test;

class PathPatternTest {

    private static Segment only(String path) {
        var segs = PathPattern.parse(path).segments();
        assertThat(segs).hasSize(1);
        return segs.getFirst();
    }

    // ---- parsing ---------------------------------------------------------------------------------

    @Test
    void literalSegmentsAreSplitOnSlashes() {
        var segs = PathPattern.parse("/api/v1/users").segments();

        assertThat(segs).extracting(Segment::literal).containsExactly("api", "v1", "users");
        assertThat(segs).noneMatch(Segment::isParam);
    }

    @Test
    void theRootPathIsOneEmptyLiteral() {
        assertThat(PathPattern.parse("/").segments())
                .extracting(Segment::literal)
                .containsExactly("");
    }

    @Test
    void aTrailingSlashIsAnEmptyLastSegment() {
        assertThat(PathPattern.parse("/users/").segments())
                .extracting(Segment::literal)
                .containsExactly("users", "");
    }

    @Test
    void aPlainParameterIsAStringParameter() {
        Segment s = only("/{name}");

        assertThat(s.isParam()).isTrue();
        assertThat(s.name()).isEqualTo("name");
        assertThat(s.type()).isEqualTo(Type.STRING);
    }

    @Test
    void strAndStringAreAliasesOfThePlainParameter() {
        assertThat(only("/{a:str}").type()).isEqualTo(Type.STRING);
        assertThat(only("/{a:string}").type()).isEqualTo(Type.STRING);
    }

    @Test
    void typedParametersGetTheirType() {
        assertThat(only("/{id:int}").type()).isEqualTo(Type.INT);
        assertThat(only("/{id:long}").type()).isEqualTo(Type.LONG);
        assertThat(only("/{id:uuid}").type()).isEqualTo(Type.UUID);
        assertThat(only("/{rest:path}").type()).isEqualTo(Type.PATH);
    }

    @Test
    void anyOtherTypeIsARegularExpression() {
        Segment s = only("/{slug:[a-z-]+}");

        assertThat(s.type()).isEqualTo(Type.REGEX);
        assertThat(s.regex().pattern()).isEqualTo("[a-z-]+");
    }

    @Test
    void aRegexMayContainBracesAndSlashes() {
        var segs = PathPattern.parse("/{code:\\d{3}}/{p:a/b}/x").segments();

        assertThat(segs).hasSize(3);
        assertThat(segs.get(0).regex().pattern()).isEqualTo("\\d{3}");
        assertThat(segs.get(1).regex().pattern()).isEqualTo("a/b");
        assertThat(segs.get(2).literal()).isEqualTo("x");
    }

    @Test
    void displayShowsTheParameterAsDeclared() {
        assertThat(only("/{id}").display()).isEqualTo("{id}");
        assertThat(only("/{id:int}").display()).isEqualTo("{id:int}");
        assertThat(only("/{id:[0-9]+}").display()).isEqualTo("{id:[0-9]+}");
        assertThat(only("/users").display()).isEqualTo("users");
    }

    @Test
    void parametersOfTheSameTypeShareAKindKeyWhateverTheirName() {
        assertThat(only("/{a:int}").kindKey()).isEqualTo(only("/{b:int}").kindKey());
        assertThat(only("/{a:int}").kindKey()).isNotEqualTo(only("/{a:long}").kindKey());
        assertThat(only("/{a:[0-9]+}").kindKey())
                .isNotEqualTo(only("/{a:[0-9]*}").kindKey());
    }

    // ---- bad patterns ----------------------------------------------------------------------------

    @Test
    void aPathWithoutLeadingSlashIsRejected() {
        assertThatThrownBy(() -> PathPattern.parse("users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route path must start with '/': users");
    }

    @Test
    void anEmptyOrNullPathIsRejected() {
        assertThatThrownBy(() -> PathPattern.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> PathPattern.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with '/'");
    }

    @Test
    void anUnclosedBraceIsRejected() {
        assertThatThrownBy(() -> PathPattern.parse("/users/{id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route /users/{id: unclosed '{' in '{id'");
    }

    @Test
    void anUnclosedBraceBeforeAnotherSegmentIsRejected() {
        assertThatThrownBy(() -> PathPattern.parse("/users/{id/posts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed '{'");
    }

    @Test
    void aParameterThatIsNotAWholeSegmentIsRejected() {
        assertThatThrownBy(() -> PathPattern.parse("/files/{name}.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a parameter must be a whole segment");
        assertThatThrownBy(() -> PathPattern.parse("/files/a{name}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a parameter must be a whole segment");
    }

    @Test
    void aStrayClosingBraceIsRejected() {
        assertThatThrownBy(() -> PathPattern.parse("/files/name}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a parameter must be a whole segment");
    }

    @Test
    void aPathParameterThatIsNotLastIsRejected() {
        assertThatThrownBy(() -> PathPattern.parse("/static/{rest:path}/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route /static/{rest:path}/x: a {name:path} parameter must be the last segment");
    }

    @Test
    void aBadRegexIsRejectedNamingTheParameter() {
        assertThatThrownBy(() -> PathPattern.parse("/x/{slug:[a-z}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("route /x/{slug:[a-z}: bad regex for parameter 'slug': ");
    }

    @Test
    void aTypoInAParameterTypeIsRejectedListingTheKnownTypes() {
        assertThatThrownBy(() -> PathPattern.parse("/a/{id:integer}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("route /a/{id:integer}: unknown parameter type 'integer' in '{id:integer}'")
                .hasMessageContaining("the types are int, long, uuid, path and str")
                .hasMessageContaining("write {id:(integer)}");
    }

    @Test
    void aBareWordInParenthesesIsARegexMatchingThatWord() {
        Segment s = only("/{kind:(integer)}");

        assertThat(s.type()).isEqualTo(Type.REGEX);
        assertThat(PathPattern.accepts(s, "integer")).isTrue();
        assertThat(PathPattern.accepts(s, "5")).isFalse();
    }

    @Test
    void aBadParameterNameIsRejected() {
        assertThatThrownBy(() -> PathPattern.parse("/x/{1st}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route /x/{1st}: bad parameter name '1st'");
        assertThatThrownBy(() -> PathPattern.parse("/x/{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad parameter name ''");
    }

    @Test
    void aParameterNameUsedTwiceIsRejected() {
        assertThatThrownBy(() -> PathPattern.parse("/a/{id}/b/{id:int}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route /a/{id}/b/{id:int}: parameter 'id' appears twice");
    }

    // ---- accepting values ------------------------------------------------------------------------

    @Test
    void aStringParameterAcceptsAnyNonEmptyValue() {
        Segment s = only("/{a}");

        assertThat(PathPattern.accepts(s, "x y")).isTrue();
        assertThat(PathPattern.accepts(s, "")).isFalse();
    }

    @Test
    void anIntParameterAcceptsIntegersInRange() {
        Segment s = only("/{n:int}");

        assertThat(PathPattern.accepts(s, "0")).isTrue();
        assertThat(PathPattern.accepts(s, "-42")).isTrue();
        assertThat(PathPattern.accepts(s, "2147483647")).isTrue();
        assertThat(PathPattern.accepts(s, "-2147483648")).isTrue();
        assertThat(PathPattern.accepts(s, "007")).isTrue();
    }

    @Test
    void anIntParameterRejectsOverflowAndNonDigits() {
        Segment s = only("/{n:int}");

        assertThat(PathPattern.accepts(s, "2147483648")).isFalse();
        assertThat(PathPattern.accepts(s, "-2147483649")).isFalse();
        assertThat(PathPattern.accepts(s, "99999999999")).isFalse();
        assertThat(PathPattern.accepts(s, "12a")).isFalse();
        assertThat(PathPattern.accepts(s, "+1")).isFalse();
        assertThat(PathPattern.accepts(s, "-")).isFalse();
        assertThat(PathPattern.accepts(s, "1.0")).isFalse();
        assertThat(PathPattern.accepts(s, "")).isFalse();
    }

    @Test
    void aLongParameterAcceptsTheFullLongRangeOnly() {
        Segment s = only("/{n:long}");

        assertThat(PathPattern.accepts(s, "9223372036854775807")).isTrue();
        assertThat(PathPattern.accepts(s, "-9223372036854775808")).isTrue();
        assertThat(PathPattern.accepts(s, "9223372036854775808")).isFalse();
        assertThat(PathPattern.accepts(s, "-9223372036854775809")).isFalse();
        assertThat(PathPattern.accepts(s, "12345678901234567890")).isFalse();
    }

    @Test
    void aUuidParameterAcceptsCanonicalUuidsInEitherCase() {
        Segment s = only("/{id:uuid}");

        assertThat(PathPattern.accepts(s, "123e4567-e89b-12d3-a456-426614174000"))
                .isTrue();
        assertThat(PathPattern.accepts(s, "123E4567-E89B-12D3-A456-426614174000"))
                .isTrue();
    }

    @Test
    void aUuidParameterRejectsOtherShapes() {
        Segment s = only("/{id:uuid}");

        assertThat(PathPattern.accepts(s, "123e4567e89b12d3a456426614174000")).isFalse();
        assertThat(PathPattern.accepts(s, "123e4567-e89b-12d3-a456-42661417400g"))
                .isFalse();
        assertThat(PathPattern.accepts(s, "123e4567-e89b-12d3-a456-4266141740000"))
                .isFalse();
        assertThat(PathPattern.accepts(s, "123e4567+e89b-12d3-a456-426614174000"))
                .isFalse();
    }

    @Test
    void aRegexParameterMustMatchTheWholeValue() {
        Segment s = only("/{slug:[a-z]+}");

        assertThat(PathPattern.accepts(s, "hello")).isTrue();
        assertThat(PathPattern.accepts(s, "hello1")).isFalse();
        assertThat(PathPattern.accepts(s, "1hello")).isFalse();
    }
}
