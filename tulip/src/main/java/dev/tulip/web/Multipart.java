package dev.tulip.web;

import dev.tulip.HttpException;
import dev.tulip.Request;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code multipart/form-data} request bodies (RFC 7578): HTML forms with file uploads. Read on a
 * route declared with {@code .streamBody()}, the body is parsed as it arrives and never held
 * whole: {@link #read} keeps fields in memory and writes files past {@code memoryThreshold} to
 * temporary files (deleted when the form is closed); {@link #parts} hands out one part at a time
 * as a stream, for a handler that writes uploads somewhere itself. Limits on parts, fields, files
 * and part headers answer {@code 413}; malformed framing {@code 400}; another content type
 * {@code 415}. File names come sanitised ({@link Part#filename()}).
 */
public final class Multipart {
    /** RFC 2046's boundary: 1-70 of these characters, not ending in a space. */
    private static final Pattern BOUNDARY =
            Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

    final int maxParts;
    final long maxFieldSize;
    final long maxFileSize;
    final int maxPartHeaderSize;
    final long memoryThreshold;
    final Optional<Path> tempDirectory;

    private Multipart(Builder b) {
        this.maxParts = b.maxParts;
        this.maxFieldSize = b.maxFieldSize;
        this.maxFileSize = b.maxFileSize;
        this.maxPartHeaderSize = b.maxPartHeaderSize;
        this.memoryThreshold = b.memoryThreshold;
        this.tempDirectory = b.tempDirectory;
    }

    /** Multipart parsing with limits of your own: {@code Multipart.create(m -> m.maxFileSize(50L << 20))}. */
    public static Multipart create(Consumer<Builder> cfg) {
        Builder b = new Builder();
        cfg.accept(b);
        return new Multipart(b);
    }

    /** Multipart parsing with the default limits (see {@link Builder}). */
    public static Multipart defaults() {
        return new Multipart(new Builder());
    }

    /**
     * Reads every part of the request's body: fields as text, files in memory up to
     * {@code memoryThreshold} and in a temporary file beyond. Close the form (try-with-resources)
     * to delete those files.
     */
    public MultipartForm read(Request req) throws IOException {
        return MultipartForm.read(this, parts(req));
    }

    /** The parts of the request's body one at a time, each read from the body as it arrives. */
    public Parts parts(Request req) {
        return new Parts(this, new MultipartScanner(req.bodyStream(), boundary(req)));
    }

    private static String boundary(Request req) {
        String ct = req.contentType().orElse("");
        int semi = ct.indexOf(';');
        String type = (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        if (!type.equals("multipart/form-data"))
            throw new HttpException(
                    415, "expected Content-Type multipart/form-data, was " + (ct.isEmpty() ? "none" : "'" + ct + "'"));
        for (String param : ct.substring(semi + 1).split(";")) {
            String p = param.trim();
            if (!p.regionMatches(true, 0, "boundary=", 0, 9)) continue;
            String b = p.substring(9);
            if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) b = b.substring(1, b.length() - 1);
            if (!BOUNDARY.matcher(b).matches())
                throw new HttpException(400, "the multipart boundary must be 1-70 characters of RFC 2046's set");
            return b;
        }
        throw new HttpException(400, "multipart/form-data without a boundary parameter");
    }

    /** Limits and where files go; defaults in each method's description. */
    public static final class Builder {
        private int maxParts = 100;
        private long maxFieldSize = 64 * 1024;
        private long maxFileSize = Long.MAX_VALUE;
        private int maxPartHeaderSize = 8 * 1024;
        private long memoryThreshold = 64 * 1024;
        private Optional<Path> tempDirectory = Optional.empty();

        private Builder() {}

        /** The most parts a body may have (default 100). */
        public Builder maxParts(int parts) {
            this.maxParts = positive(parts, "maxParts");
            return this;
        }

        /** The largest value of a part without a file name, in bytes (default 64 KiB). */
        public Builder maxFieldSize(long bytes) {
            this.maxFieldSize = positive(bytes, "maxFieldSize");
            return this;
        }

        /** The largest file in bytes (default: only the route's body limit). */
        public Builder maxFileSize(long bytes) {
            this.maxFileSize = positive(bytes, "maxFileSize");
            return this;
        }

        /** The largest header section of one part, in bytes (default 8 KiB). */
        public Builder maxPartHeaderSize(int bytes) {
            this.maxPartHeaderSize = positive(bytes, "maxPartHeaderSize");
            return this;
        }

        /** A file larger than this goes to a temporary file instead of memory (default 64 KiB). */
        public Builder memoryThreshold(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("memoryThreshold must be >= 0, was " + bytes);
            this.memoryThreshold = bytes;
            return this;
        }

        /** Where temporary files go (default: {@code java.io.tmpdir}). */
        public Builder tempDirectory(Path dir) {
            this.tempDirectory = Optional.of(dir);
            return this;
        }

        private static <N extends Number> N positive(N n, String what) {
            if (n.longValue() <= 0) throw new IllegalArgumentException(what + " must be positive, was " + n);
            return n;
        }
    }

    /** The parts of one body, in order. */
    public static final class Parts {
        private final Multipart limits;
        private final MultipartScanner scanner;
        private int count;
        private Part current;

        Parts(Multipart limits, MultipartScanner scanner) {
            this.limits = limits;
            this.scanner = scanner;
        }

        /** The next part (the rest of the previous one is skipped), or empty after the last. */
        public Optional<Part> next() throws IOException {
            if (current != null) current.finish();
            if (!scanner.nextPart()) return Optional.empty();
            if (++count > limits.maxParts)
                throw new HttpException(413, "more than " + limits.maxParts + " parts in the multipart body");
            PartHeaders h = PartHeaders.parse(scanner.headerLines(limits.maxPartHeaderSize), count);
            current =
                    new Part(h, scanner, h.submittedFilename().isPresent() ? limits.maxFileSize : limits.maxFieldSize);
            return Optional.of(current);
        }
    }
}
