package dev.tulip.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the Java code the docs show (```java blocks in Markdown, {@code <pre>{@code ...}</pre>}
 * blocks in javadoc) and the tagged regions of the examples ({@code // tag::name[]} ...
 * {@code // end::name[]}), and checks that every block is one of the regions. Blocks and regions
 * are compared after {@link #normalize}: leading {@code *} of javadoc lines, common indentation,
 * trailing whitespace and leading and trailing blank lines do not count.
 */
final class Snippets {
    /** Where the examples live, relative to the repository root. */
    static final String EXAMPLES = "examples/src/main/java";

    /** The line before a block that leaves it uncompiled, with a reason: in Markdown or in javadoc. */
    static final Pattern OPT_OUT = Pattern.compile("^<!--\\s*snippet:\\s*not compiled\\s*\\((.*\\S.*)\\)\\s*-->$");

    private static final Pattern MARKER_LIKE = Pattern.compile("^<!--\\s*snippet\\b");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})(.*)$");
    private static final Pattern PRE_CODE = Pattern.compile("<pre[^>]*>\\s*\\{@code");
    private static final Pattern JAVADOC_STAR = Pattern.compile("^\\s*\\*(?!/)");
    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([A-Za-z0-9_.-]+)\\[]\\s*$");
    private static final Pattern TAG_LIKE = Pattern.compile("//\\s*(tag|end)::");

    private Snippets() {}

    /** Where a block was found: Markdown or javadoc. */
    enum Kind {
        MARKDOWN("```java block"),
        JAVADOC("javadoc <pre>{@code} block");

        final String what;

        Kind(String what) {
            this.what = what;
        }
    }

    /**
     * A block of Java shown by a doc.
     *
     * @param line the 1-based line of the fence or of {@code <pre>{@code}
     * @param optOut the reason given by an opt-out marker before it, or null
     */
    record Block(Kind kind, String file, int line, String code, String optOut) {
        /** The block's first non-blank line, stripped: how an opt-out list names it. */
        String firstLine() {
            return code.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        }
    }

    /**
     * A tagged region of an example.
     *
     * @param line the 1-based line of its {@code tag::} comment
     */
    record Region(String name, String file, int line, String code) {}

    /** A block a doc may leave uncompiled without a marker in the file: file and first line. */
    record OptOut(String file, String firstLine, String reason) {}

    /** The outcome of a check. */
    record Report(
            List<Block> blocks,
            List<Block> matched,
            List<Region> regions,
            List<Block> optedOut,
            List<String> failures) {
        /** The regions no block shows. */
        List<Region> unused() {
            Set<String> shown = blocks.stream().map(Block::code).collect(Collectors.toSet());
            return regions.stream().filter(r -> !shown.contains(r.code())).toList();
        }
    }

    /**
     * Normalizes code for comparison: trailing whitespace, leading and trailing blank lines and the
     * indentation all non-blank lines share are removed.
     */
    static String normalize(List<String> lines) {
        List<String> ls =
                new ArrayList<>(lines.stream().map(String::stripTrailing).toList());
        while (!ls.isEmpty() && ls.getFirst().isEmpty()) ls.removeFirst();
        while (!ls.isEmpty() && ls.getLast().isEmpty()) ls.removeLast();
        int indent = ls.stream()
                .filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return ls.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    /** The ```java (or ~~~java) fenced blocks of a Markdown file. */
    static List<Block> markdownBlocks(String file, String text) {
        List<String> lines = text.lines().toList();
        List<Block> blocks = new ArrayList<>();
        String pendingOptOut = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()
                    && !(fence.group(2).startsWith("`") && fence.group(3).contains("`"))) {
                String marker = fence.group(2);
                int end = i + 1;
                while (end < lines.size() && !closes(lines.get(end), marker)) end++;
                if (end == lines.size()) throw new IllegalStateException(file + ":" + (i + 1) + ": unclosed fence");
                boolean java = fence.group(3).strip().split("[\\s{]", 2)[0].equalsIgnoreCase("java");
                if (java) {
                    blocks.add(
                            new Block(Kind.MARKDOWN, file, i + 1, normalize(lines.subList(i + 1, end)), pendingOptOut));
                } else if (pendingOptOut != null) {
                    throw dangling(file, pendingLine);
                }
                pendingOptOut = null;
                i = end;
                continue;
            }
            if (MARKER_LIKE.matcher(stripped).find()) {
                if (pendingOptOut != null) {
                    throw dangling(file, pendingLine);
                }
                Matcher m = OPT_OUT.matcher(stripped);
                if (!m.matches()) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": malformed snippet marker " + stripped
                            + "; the only one is <!-- snippet: not compiled (reason) -->");
                }
                pendingOptOut = m.group(1).strip();
                pendingLine = i + 1;
            } else if (!stripped.isEmpty() && pendingOptOut != null) {
                throw dangling(file, pendingLine);
            }
        }
        if (pendingOptOut != null) {
            throw dangling(file, pendingLine);
        }
        return blocks;
    }

    private static IllegalStateException dangling(String file, int line) {
        return new IllegalStateException(file + ":" + line + ": an opt-out marker must be just before a ```java block");
    }

    private static boolean closes(String line, String opening) {
        String s = line.strip();
        if (s.length() < opening.length()) return false;
        char c = opening.charAt(0);
        int n = 0;
        while (n < s.length() && s.charAt(n) == c) n++;
        return n >= opening.length() && n == s.length();
    }

    /** The {@code <pre>{@code ...}</pre>} blocks of the javadoc in a Java source file. */
    static List<Block> javadocBlocks(String file, String text) {
        List<String> lines = text.lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher pre = PRE_CODE.matcher(line);
            if (!pre.find()
                    || !JAVADOC_STAR.matcher(line).find() && !line.strip().startsWith("/**")) continue;
            List<String> code = new ArrayList<>();
            String rest = line.substring(pre.end());
            int end = i;
            while (!rest.contains("}</pre>")) {
                if (rest.contains("*/") || end + 1 == lines.size()) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": <pre>{@code without }</pre>");
                }
                code.add(rest);
                rest = unstar(lines.get(++end));
            }
            code.add(rest.substring(0, rest.indexOf("}</pre>")));
            String optOut = null;
            for (int j = i - 1; j >= 0; j--) {
                String before = unstar(lines.get(j)).strip();
                if (before.isEmpty()) continue;
                Matcher m = OPT_OUT.matcher(before);
                if (m.matches()) optOut = m.group(1).strip();
                break;
            }
            blocks.add(new Block(Kind.JAVADOC, file, i + 1, normalize(code), optOut));
            i = end;
        }
        return blocks;
    }

    private static String unstar(String line) {
        Matcher m = JAVADOC_STAR.matcher(line);
        return m.find() ? line.substring(m.end()) : line;
    }

    /** The tagged regions of an example source; regions may nest or overlap, tag lines are left out. */
    static List<Region> regions(String file, String text) {
        List<String> lines = text.lines().toList();
        Map<String, Integer> openAt = new LinkedHashMap<>();
        Map<String, List<String>> open = new LinkedHashMap<>();
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher tag = TAG.matcher(line);
            if (tag.matches()) {
                String name = tag.group(2);
                if (tag.group(1).equals("tag")) {
                    if (open.containsKey(name)) {
                        throw new IllegalStateException(
                                file + ":" + (i + 1) + ": region '" + name + "' is already open");
                    }
                    openAt.put(name, i + 1);
                    open.put(name, new ArrayList<>());
                } else {
                    List<String> code = open.remove(name);
                    if (code == null) {
                        throw new IllegalStateException(
                                file + ":" + (i + 1) + ": end of region '" + name + "', which is not open");
                    }
                    String normalized = normalize(code);
                    if (normalized.isEmpty()) {
                        throw new IllegalStateException(
                                file + ":" + openAt.get(name) + ": region '" + name + "' is empty");
                    }
                    regions.add(new Region(name, file, openAt.remove(name), normalized));
                }
            } else if (TAG_LIKE.matcher(line).find()) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": malformed region comment: " + line.strip()
                        + " (write // tag::name[] and // end::name[])");
            } else {
                open.values().forEach(code -> code.add(line));
            }
        }
        if (!open.isEmpty()) {
            String name = open.keySet().iterator().next();
            throw new IllegalStateException(file + ":" + openAt.get(name) + ": region '" + name + "' is never ended");
        }
        return regions;
    }

    /**
     * Checks every block of {@code markdown} files and of the javadoc in {@code javadocRoots} against
     * the regions of the examples under {@code root/}{@link #EXAMPLES}.
     */
    static Report check(Path root, List<Path> markdown, List<Path> javadocRoots, List<OptOut> optOuts) {
        List<Region> regions = new ArrayList<>();
        for (Path p : javaFiles(root.resolve(EXAMPLES))) regions.addAll(regions(relative(root, p), read(p)));
        Map<String, Region> byName = new HashMap<>();
        for (Region r : regions) {
            Region before = byName.putIfAbsent(r.name(), r);
            if (before != null) {
                throw new IllegalStateException(r.file() + ":" + r.line() + ": region '" + r.name() + "' is also at "
                        + before.file() + ":" + before.line() + "; names are unique");
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (Path p : markdown) blocks.addAll(markdownBlocks(relative(root, p), read(p)));
        for (Path dir : javadocRoots) {
            for (Path p : javaFiles(dir)) blocks.addAll(javadocBlocks(relative(root, p), read(p)));
        }
        return check(blocks, regions, optOuts);
    }

    /** Checks {@code blocks} against {@code regions}; {@code optOuts} name javadoc blocks left uncompiled. */
    static Report check(List<Block> found, List<Region> regions, List<OptOut> optOuts) {
        Map<String, Region> byCode = new HashMap<>();
        for (Region r : regions) byCode.putIfAbsent(r.code(), r);
        Set<OptOut> unusedOptOuts = new LinkedHashSet<>(optOuts);
        List<Block> blocks = new ArrayList<>();
        List<Block> matched = new ArrayList<>();
        List<Block> optedOut = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Block b : found) {
            if (b.optOut() == null) {
                for (OptOut o : optOuts) {
                    if (o.file().equals(b.file()) && o.firstLine().equals(b.firstLine())) {
                        b = new Block(b.kind(), b.file(), b.line(), b.code(), o.reason());
                        unusedOptOuts.remove(o);
                        break;
                    }
                }
            }
            blocks.add(b);
            Region match = byCode.get(b.code());
            if (b.optOut() != null) {
                optedOut.add(b);
                if (match != null) {
                    failures.add(b.file() + ":" + b.line() + ": this " + b.kind().what + " is opted out ("
                            + b.optOut() + ") but is region '" + match.name() + "' of " + match.file()
                            + " now; remove the opt-out");
                }
            } else if (match == null) {
                failures.add(mismatch(b, regions));
            } else {
                matched.add(b);
            }
        }
        for (OptOut o : unusedOptOuts) {
            failures.add(o.file() + ": no javadoc block there starts with \"" + o.firstLine()
                    + "\"; remove that opt-out from the list");
        }
        return new Report(blocks, matched, regions, optedOut, failures);
    }

    private static String mismatch(Block b, List<Region> regions) {
        StringBuilder sb = new StringBuilder();
        sb.append(b.file())
                .append(':')
                .append(b.line())
                .append(": this ")
                .append(b.kind().what)
                .append(" is not a tagged region of the examples:\n");
        b.code().lines().forEach(l -> sb.append("    | ").append(l).append('\n'));
        closest(b, regions).ifPresent(sb::append);
        sb.append("  Add it as a tagged region (// tag::some-name[] ... // end::some-name[]) to a file under ")
                .append(EXAMPLES)
                .append("/dev/tulip/examples/, where it must compile (and, if it can run, have a test in")
                .append(" examples/src/test/java), or make it match the region it was copied from.\n");
        if (b.kind() == Kind.MARKDOWN) {
            sb.append("  If it is not Java, fence it as ```text (or ```sh, ...); to leave Java uncompiled, put")
                    .append(" <!-- snippet: not compiled (reason) --> on the line before it.\n");
        } else {
            sb.append("  To leave it uncompiled, put <!-- snippet: not compiled (reason) --> on the javadoc line")
                    .append(" before <pre>.\n");
        }
        return sb.toString();
    }

    /** The region most like {@code b}, if one shares most of its lines, and where they first differ. */
    private static java.util.Optional<String> closest(Block b, List<Region> regions) {
        List<String> doc = b.code().lines().toList();
        Region best = null;
        long bestShared = 0;
        for (Region r : regions) {
            Set<String> lines = r.code().lines().map(Snippets::squeeze).collect(Collectors.toSet());
            long shared = doc.stream()
                    .filter(l -> !l.isBlank() && lines.contains(squeeze(l)))
                    .count();
            if (shared > bestShared) {
                best = r;
                bestShared = shared;
            }
        }
        if (best == null
                || bestShared * 2 < doc.stream().filter(l -> !l.isBlank()).count()) {
            return java.util.Optional.empty();
        }
        List<String> ex = best.code().lines().toList();
        int i = 0;
        while (i < doc.size() && i < ex.size() && doc.get(i).equals(ex.get(i))) i++;
        return java.util.Optional.of("  Closest: region '" + best.name() + "' at " + best.file() + ":" + best.line()
                + "; first difference at line " + (i + 1) + " of the block:\n"
                + "    doc:     " + (i < doc.size() ? doc.get(i) : "(the block ends)") + "\n"
                + "    example: " + (i < ex.size() ? ex.get(i) : "(the region ends)") + "\n");
    }

    /** A line with each run of whitespace as one space: lines that differ only in spacing are alike. */
    private static String squeeze(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    /** The Markdown files of the repository, outside build output and hidden directories. */
    static List<Path> markdownFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> {
                        for (Path part : root.relativize(p)) {
                            String n = part.toString();
                            if (n.equals("target") || n.equals("node_modules") || n.startsWith(".")) return false;
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
