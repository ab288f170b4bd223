package dev.tulip.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** An uploaded file of a {@link MultipartForm}: in memory when small, else in a temporary file. */
public final class FormFile {
    private final String name;
    private final String filename;
    private final String submittedFilename;
    private final String contentType;
    private final byte[] bytes;
    private Path file;
    private final long size;

    FormFile(
            String name,
            String filename,
            String submittedFilename,
            String contentType,
            byte[] bytes,
            Path file,
            long size) {
        this.name = name;
        this.filename = filename;
        this.submittedFilename = submittedFilename;
        this.contentType = contentType;
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /** The form field's name. */
    public String name() {
        return name;
    }

    /** The file name made safe to use under a directory of yours (see {@link Part#filename()}). */
    public String filename() {
        return filename;
    }

    /** The file name as the client sent it: for display (escaped), never for a path. */
    public String submittedFilename() {
        return submittedFilename;
    }

    /** The part's {@code Content-Type} ({@code application/octet-stream} if none was sent): the client's claim, not checked. */
    public String contentType() {
        return contentType;
    }

    /** The size in bytes. */
    public long size() {
        return size;
    }

    /** The temporary file holding it, when it was too large for memory. */
    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    /** Its content, from memory or its temporary file. */
    public InputStream open() throws IOException {
        if (bytes != null) return new ByteArrayInputStream(bytes);
        if (file == null) throw new IllegalStateException("file '" + name + "' was moved or its form closed");
        return Files.newInputStream(file);
    }

    /** Its content in one array. */
    public byte[] bytes() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /**
     * Moves it to {@code target} (a file that must not exist yet), renaming the temporary file
     * when it can; closing the form then leaves it there. Returns {@code target}.
     */
    public Path transferTo(Path target) throws IOException {
        if (bytes != null) {
            Files.write(target, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
            return target;
        }
        if (file == null) throw new IllegalStateException("file '" + name + "' was moved or its form closed");
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS))
            throw new java.nio.file.FileAlreadyExistsException(target.toString());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException otherFileSystem) {
            Files.copy(file, target);
            Files.delete(file);
        }
        file = null;
        return target;
    }

    void delete() {
        Path f = file;
        file = null;
        if (f == null) return;
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the upload's temporary file " + f, e);
        }
    }
}
