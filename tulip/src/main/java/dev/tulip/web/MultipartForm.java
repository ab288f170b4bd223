package dev.tulip.web;

import dev.tulip.HttpException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code multipart/form-data} body read in full ({@link Multipart#read}): its fields as text and
 * its files in memory or in temporary files. Closing it deletes the temporary files; use it in a
 * try-with-resources block and move what you keep ({@link FormFile#transferTo}).
 */
public final class MultipartForm implements AutoCloseable {
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final List<FormFile> files = new ArrayList<>();

    private MultipartForm() {}

    static MultipartForm read(Multipart limits, Multipart.Parts parts) throws IOException {
        var form = new MultipartForm();
        try {
            for (Optional<Part> next = parts.next(); next.isPresent(); next = parts.next()) {
                Part p = next.get();
                if (p.isFile()) form.files.add(store(limits, p));
                else
                    form.fields
                            .computeIfAbsent(p.name(), k -> new ArrayList<>())
                            .add(p.text());
            }
            return form;
        } catch (IOException | RuntimeException e) {
            form.close();
            throw e;
        }
    }

    private static FormFile store(Multipart limits, Part p) throws IOException {
        String type = p.contentType().orElse("application/octet-stream");
        InputStream in = p.body();
        var memory = new ByteArrayOutputStream();
        long size = copy(in, memory, limits.memoryThreshold + 1);
        if (size <= limits.memoryThreshold)
            return new FormFile(
                    p.name(),
                    p.filename().orElseThrow(),
                    p.submittedFilename().orElseThrow(),
                    type,
                    memory.toByteArray(),
                    null,
                    size);
        Path tmp = tempFile(limits);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            memory.writeTo(out);
            size += in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new FormFile(
                p.name(), p.filename().orElseThrow(), p.submittedFilename().orElseThrow(), type, null, tmp, size);
    }

    /** Copies up to {@code max} bytes; returns how many. */
    private static long copy(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        while (total < max) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, max - total));
            if (n < 0) break;
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    private static Path tempFile(Multipart limits) throws IOException {
        Path dir = limits.tempDirectory.orElse(Path.of(System.getProperty("java.io.tmpdir")));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
            return Files.createTempFile(
                    dir,
                    "tulip-upload-",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.createTempFile(dir, "tulip-upload-", ".tmp");
    }

    /** The first value of field {@code name}. */
    public Optional<String> field(String name) {
        List<String> v = fields.get(name);
        return v == null ? Optional.empty() : Optional.of(v.getFirst());
    }

    /** The first value of field {@code name}; 400 naming it if it is absent. */
    public String fieldRequired(String name) {
        return field(name).orElseThrow(() -> HttpException.badRequest("form field '" + name + "' is required"));
    }

    /** Every field (no files), in the order sent. */
    public Map<String, List<String>> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** The first file sent as {@code name}. */
    public Optional<FormFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The file sent as {@code name}; 400 naming it if there is none. */
    public FormFile fileRequired(String name) {
        return file(name).orElseThrow(() -> HttpException.badRequest("file '" + name + "' is required"));
    }

    /** Every file, in the order sent. */
    public List<FormFile> files() {
        return Collections.unmodifiableList(files);
    }

    /** Deletes the temporary files of files not moved away. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (FormFile f : files) {
            try {
                f.delete();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
