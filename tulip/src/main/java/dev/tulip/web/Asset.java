package dev.tulip.web;

import dev.tulip.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * One file a {@link StaticFiles} source found: the name its type comes from, where it was found
 * ({@code location}, for its siblings), its length and validators, and its bytes, either a file on
 * disk ({@code file}, sent zero-copy) or held in memory ({@code bytes}, a class path resource).
 *
 * @param modified last modification in epoch seconds, -1 if unknown
 */
record Asset(String name, String location, long length, long modified, String etag, Path file, byte[] bytes) {

    /** A file on disk; its strong {@code ETag} is its size and modification time. */
    static Asset ofFile(Path real, String name, BasicFileAttributes attrs) {
        long millis = attrs.lastModifiedTime().toMillis();
        String etag = "\"" + Long.toHexString(attrs.size()) + "-" + Long.toHexString(millis) + "\"";
        return new Asset(name, real.toString(), attrs.size(), millis / 1000, etag, real, null);
    }

    /** Bytes in memory; their strong {@code ETag} is a hash of the content. */
    static Asset ofBytes(String name, String location, byte[] bytes, long modified) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            String etag = "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12)) + "\"";
            return new Asset(name, location, bytes.length, modified, etag, null, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** This sibling, with the name (so the type) of the file it is a compressed form of. */
    Asset named(String name) {
        return new Asset(name, location, length, modified, etag, file, bytes);
    }

    /** A response whose body is {@code length} bytes from {@code offset}: the file region, or a copy when not {@code zeroCopy}. */
    Response body(long offset, long length, String type, boolean zeroCopy) {
        if (bytes != null) {
            boolean whole = offset == 0 && length == bytes.length;
            return Response.bytes(
                    whole ? bytes : Arrays.copyOfRange(bytes, (int) offset, (int) (offset + length)), type);
        }
        if (zeroCopy) return Response.file(file, offset, length, type);
        return Response.stream(type, out -> copyTo(out, offset, length));
    }

    /** Writes {@code length} bytes from {@code offset} to {@code out}. */
    void copyTo(OutputStream out, long offset, long length) throws IOException {
        if (bytes != null) {
            out.write(bytes, (int) offset, (int) length);
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(64 * 1024, Math.max(length, 1)));
            long pos = offset;
            long end = offset + length;
            while (pos < end) {
                buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) throw new IOException(file + " shrank while it was sent");
                out.write(buf.array(), 0, n);
                pos += n;
            }
        }
    }
}
