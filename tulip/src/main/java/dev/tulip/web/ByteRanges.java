package dev.tulip.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@code Range: bytes=...} header (RFC 9110 §14.2) against a representation of {@code length}
 * bytes. A header that does not parse, or asks for more than {@link #MAX_RANGES} pieces, is
 * ignored (the whole representation is sent, as the RFC allows); ranges that overlap or touch are
 * merged, so a client cannot make the server send one byte many times; a header none of whose
 * ranges starts inside the representation is unsatisfiable (416).
 */
sealed interface ByteRanges {
    int MAX_RANGES = 16;

    /** Send the whole representation. */
    record Whole() implements ByteRanges {}

    /** Nothing asked for exists: 416 with {@code Content-Range: bytes *}{@code /length}. */
    record Unsatisfiable() implements ByteRanges {}

    /** Satisfiable ranges, sorted and merged; {@code end} is inclusive. */
    record Some(List<Range> ranges) implements ByteRanges {}

    record Range(long start, long end) {
        long length() {
            return end - start + 1;
        }
    }

    static ByteRanges parse(String header, long length) {
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) return new Whole();
        String[] specs = h.substring(6).split(",");
        if (specs.length > MAX_RANGES) return new Whole();
        List<Range> ranges = new ArrayList<>();
        for (String spec : specs) {
            String s = spec.trim();
            int dash = s.indexOf('-');
            if (dash < 0) return new Whole();
            String first = s.substring(0, dash).trim();
            String last = s.substring(dash + 1).trim();
            if (!digits(first) && !first.isEmpty() || !digits(last) && !last.isEmpty()) return new Whole();
            if (first.isEmpty()) { // a suffix: the last n bytes
                if (last.isEmpty()) return new Whole();
                long n = parse(last);
                if (n > 0 && length > 0) ranges.add(new Range(Math.max(0, length - n), length - 1));
                continue;
            }
            long start = parse(first);
            long end = last.isEmpty() ? Long.MAX_VALUE : parse(last);
            if (end < start) return new Whole(); // invalid: the whole header is ignored
            if (start < length) ranges.add(new Range(start, Math.min(end, length - 1)));
        }
        if (ranges.isEmpty()) return new Unsatisfiable();
        ranges.sort(Comparator.comparingLong(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range r : ranges) {
            Range prev = merged.isEmpty() ? null : merged.getLast();
            if (prev != null && r.start() <= prev.end() + 1) {
                merged.set(merged.size() - 1, new Range(prev.start(), Math.max(prev.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return new Some(List.copyOf(merged));
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 18) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static long parse(String s) {
        return Long.parseLong(s);
    }
}
