package dev.tulip.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Where {@link StaticFiles} finds its files: a directory, one file, or a folder of the class path. */
interface AssetSource {
    /** The file at {@code rel} (a clean relative path, {@code ""} or ending in {@code /} for a directory), or empty. */
    Optional<Asset> find(String rel);

    /** The sibling of {@code asset} with {@code suffix} ({@code .br}, {@code .gz}), or empty. */
    Optional<Asset> sibling(Asset asset, String suffix);

    /** A directory on disk; what resolves outside its real path (a symlink leading out) is not found. */
    record Directory(Path root, Optional<String> index) implements AssetSource {
        public Directory {
            Path given = root;
            try {
                root = root.toRealPath();
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "static files root " + given.toAbsolutePath() + " does not exist: create it or fix the path",
                        e);
            }
            if (!Files.isDirectory(root))
                throw new IllegalArgumentException(
                        "static files root " + root + " is not a directory; serve one file with StaticFiles.file");
        }

        @Override
        public Optional<Asset> find(String rel) {
            try {
                Path p = root.resolve(rel).normalize();
                if (!p.startsWith(root)) return Optional.empty();
                if (Files.isDirectory(p)) {
                    if (index.isEmpty()) return Optional.empty();
                    p = p.resolve(index.get());
                }
                return read(p, root);
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<Asset> sibling(Asset asset, String suffix) {
            return read(Path.of(asset.location() + suffix), root).map(s -> s.named(asset.name()));
        }
    }

    /** One file, as the app named it. */
    record SingleFile(Path file) implements AssetSource {
        @Override
        public Optional<Asset> find(String rel) {
            return read(file, null);
        }

        @Override
        public Optional<Asset> sibling(Asset asset, String suffix) {
            return read(Path.of(asset.location() + suffix), null).map(s -> s.named(asset.name()));
        }
    }

    /** The regular file at {@code p}, by its real path, if that is inside {@code root} (null: anywhere). */
    private static Optional<Asset> read(Path p, Path root) {
        try {
            if (!Files.isRegularFile(p)) return Optional.empty(); // no exception for a miss (most siblings)
            Path real = p.toRealPath();
            if (root != null && !real.startsWith(root)) return Optional.empty();
            BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) return Optional.empty();
            return Optional.of(Asset.ofFile(real, p.getFileName().toString(), attrs));
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
