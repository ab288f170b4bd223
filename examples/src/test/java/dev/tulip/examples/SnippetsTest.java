package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.examples.Snippets.Block;
import dev.tulip.examples.Snippets.OptOut;
import dev.tulip.examples.Snippets.Region;
import dev.tulip.examples.Snippets.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Java the docs show is code that compiles: every ```java block of the repository's Markdown
 * and every {@code <pre>{@code ...}</pre>} block of the javadoc of {@link #JAVADOC_ROOTS} is a
 * tagged region of the examples in {@code examples/src/main/java}, which this module compiles and
 * its {@code Example*Test}s run.
 */
class SnippetsTest {

    /** The main sources whose javadoc is checked. */
    static final List<String> JAVADOC_ROOTS = List.of(
            "tulip/src/main/java",
            "tulip-test/src/main/java",
            "tulip-mongo/src/main/java",
            "tulip-client/src/main/java");

    /**
     * Javadoc blocks that do not compile as written, left uncompiled until the javadoc is fixed:
     * file, first line of the block, and why. Keep this list short; an entry whose block compiles
     * (or is gone) fails the test so it is removed.
     */
    /** Javadoc blocks that are not compiled (file, first line, reason); keep this empty. */
    static final List<OptOut> JAVADOC_OPT_OUTS = List.of();

    @Test
    void everyJavaBlockOfTheDocsIsATaggedRegionOfTheExamples() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve(Snippets.EXAMPLES))
                .as("run from the examples module")
                .isDirectory();
        assertThat(Files.readString(root.resolve("pom.xml"))).contains("<module>examples</module>");

        Report report = Snippets.check(
                root,
                Snippets.markdownFiles(root),
                JAVADOC_ROOTS.stream().map(root::resolve).toList(),
                JAVADOC_OPT_OUTS);

        System.out.println(summary(report));
        assertThat(report.blocks()).as("blocks found").hasSizeGreaterThanOrEqualTo(14);
        assertThat(report.failures())
                .as("docs whose Java is not an example")
                .withFailMessage(() -> "\n" + String.join("\n", report.failures()))
                .isEmpty();
    }

    private static String summary(Report report) {
        var perFile = report.blocks().stream()
                .collect(Collectors.groupingBy(Block::file, java.util.TreeMap::new, Collectors.counting()));
        StringBuilder sb = new StringBuilder("snippets: " + report.blocks().size() + " Java blocks in the docs and"
                + " javadoc, " + report.matched().size() + " of them tagged regions of "
                + Snippets.EXAMPLES + "; " + report.optedOut().size() + " opted out\n");
        perFile.forEach(
                (file, n) -> sb.append("  ").append(file).append(": ").append(n).append('\n'));
        for (Block b : report.optedOut()) {
            sb.append("  opt-out: ")
                    .append(b.file())
                    .append(':')
                    .append(b.line())
                    .append(" (")
                    .append(b.optOut())
                    .append(")\n");
        }
        for (Region r : report.unused()) {
            sb.append("  region not shown by any doc yet: ")
                    .append(r.name())
                    .append(" (")
                    .append(r.file())
                    .append(':')
                    .append(r.line())
                    .append(")\n");
        }
        return sb.toString().stripTrailing();
    }

    // The checker itself.

    private static final String EXAMPLE = """
            package x;

            class Example {
                void m() {
                    // tag::outer[]
                    int a = 1;
                    // tag::inner[]
                    int b = 2;
                    // end::inner[]
                    int c = 3;
                    // end::outer[]
                }
            }
            """;

    private static Report check(String markdown, String javadocSource, List<OptOut> optOuts) {
        List<Block> blocks = new java.util.ArrayList<>(Snippets.markdownBlocks("doc.md", markdown));
        blocks.addAll(Snippets.javadocBlocks("Api.java", javadocSource));
        return Snippets.check(blocks, Snippets.regions("Example.java", EXAMPLE), optOuts);
    }

    @Test
    void regionsNestAndLeaveOutTheirTagLines() {
        assertThat(Snippets.regions("Example.java", EXAMPLE))
                .extracting(Region::name, Region::line, Region::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("inner", 7, "int b = 2;"),
                        org.assertj.core.groups.Tuple.tuple("outer", 5, "int a = 1;\nint b = 2;\nint c = 3;"));
    }

    @Test
    void aBlockMatchesAfterIndentationStarsAndBlankLinesAreRemoved() {
        String md = """
                # Doc

                ```java

                    int a = 1;\s
                    int b = 2;
                    int c = 3;

                ```

                ```sh
                not java
                ```
                """;
        String api = """
                /**
                 * Text.
                 *
                 * <pre>{@code
                 *   int b = 2;
                 * }</pre>
                 */
                class Api {}
                """;
        Report report = check(md, api, List.of());
        assertThat(report.matched()).hasSize(2);
        assertThat(report.blocks())
                .extracting(Block::file, Block::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("doc.md", 3),
                        org.assertj.core.groups.Tuple.tuple("Api.java", 4));
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void aBlockThatIsNoRegionFailsWithFileLineTheBlockAndWhatToDo() {
        String md = """
                Intro

                ```java
                int a = 1;
                int b = 20;
                int c = 3;
                ```
                """;
        Report report = check(md, "", List.of());
        assertThat(report.failures())
                .singleElement()
                .asString()
                .contains(
                        "doc.md:3: this ```java block is not a tagged region of the examples:",
                        "    | int b = 20;",
                        "Closest: region 'outer' at Example.java:5; first difference at line 2 of the block:",
                        "    doc:     int b = 20;",
                        "    example: int b = 2;",
                        "Add it as a tagged region",
                        "examples/src/main/java/dev/tulip/examples/",
                        "<!-- snippet: not compiled (reason) -->");
    }

    @Test
    void aMarkdownBlockOptsOutOnlyWithAReasonJustBeforeIt() {
        String md = """
                <!-- snippet: not compiled (pseudo-code) -->
                ```java
                doSomething(...);
                ```
                """;
        Report report = check(md, "", List.of());
        assertThat(report.failures()).isEmpty();
        assertThat(report.optedOut()).extracting(Block::optOut).containsExactly("pseudo-code");

        assertThatThrownBy(() -> check("<!-- snippet: not compiled () -->\n```java\nx();\n```\n", "", List.of()))
                .hasMessageContaining("doc.md:1: malformed snippet marker");
        assertThatThrownBy(
                        () -> check("<!-- snippet: not compiled (why) -->\ntext\n```java\nx();\n```\n", "", List.of()))
                .hasMessageContaining("doc.md:1: an opt-out marker must be just before a ```java block");
    }

    @Test
    void aListedJavadocOptOutMustStillBeNeeded() {
        String api = """
                /**
                 * <pre>{@code
                 * broken(
                 * }</pre>
                 */
                class Api {}
                """;
        var optOut = new OptOut("Api.java", "broken(", "does not compile");
        assertThat(check("", api, List.of(optOut)).failures()).isEmpty();
        assertThat(check("", api, List.of()).failures())
                .singleElement()
                .asString()
                .contains("Api.java:2: this javadoc <pre>{@code} block is not a tagged region");

        var stale = new OptOut("Api.java", "gone();", "does not compile");
        assertThat(check("", api, List.of(optOut, stale)).failures())
                .singleElement()
                .asString()
                .contains("Api.java: no javadoc block there starts with \"gone();\"");

        String marked = api.replace(" * <pre>", " * <!-- snippet: not compiled (sketch) -->\n *\n * <pre>");
        assertThat(check("", marked, List.of()).optedOut())
                .extracting(Block::optOut)
                .containsExactly("sketch");

        String fixed = api.replace("broken(", "int b = 2;");
        var nowFine = new OptOut("Api.java", "int b = 2;", "does not compile");
        assertThat(check("", fixed, List.of(nowFine)).failures())
                .singleElement()
                .asString()
                .contains("is opted out (does not compile) but is region 'inner' of Example.java now");
    }

    @Test
    void malformedRegionsAndFencesFail() {
        assertThatThrownBy(() -> Snippets.regions("E.java", "// tag::a[]\nx();\n"))
                .hasMessage("E.java:1: region 'a' is never ended");
        assertThatThrownBy(() -> Snippets.regions("E.java", "x();\n// end::a[]\n"))
                .hasMessage("E.java:2: end of region 'a', which is not open");
        assertThatThrownBy(() -> Snippets.regions("E.java", "// tag:: a\nx();\n"))
                .hasMessageContaining("E.java:1: malformed region comment");
        assertThatThrownBy(() -> Snippets.markdownBlocks("d.md", "```java\nx();\n"))
                .hasMessage("d.md:1: unclosed fence");
    }
}
