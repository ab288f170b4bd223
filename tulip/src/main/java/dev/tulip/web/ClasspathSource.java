package dev.tulip.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A folder of the class path (in a directory or inside a jar), for {@link StaticFiles#classpath}.
 * A resource is read once and kept in memory with its content hash as {@code ETag}: class path
 * resources do not change while the app runs. Misses are not cached, so unknown names cannot fill
 * the cache.
 */
final class ClasspathSource implements AssetSource {
    private final ClassLoader loader;
    private final String prefix; // "web/"
    private final Optional<String> index;
    private final ConcurrentHashMap<String, Asset> cache = new ConcurrentHashMap<>();

    ClasspathSource(ClassLoader loader, String folder, Optional<String> index) {
        String f = folder.replaceAll("^/+|/+$", "");
        if (f.isEmpty())
            throw new IllegalArgumentException(
                    "serve a folder of the class path, such as \"/web\": its root holds the app's classes");
        this.loader = loader;
        this.prefix = f + "/";
        this.index = index;
    }

    @Override
    public Optional<Asset> find(String rel) {
        String name = prefix + rel;
        if (rel.isEmpty() || rel.endsWith("/")) return index.flatMap(i -> load(name + i, false));
        return load(name, true);
    }

    @Override
    public Optional<Asset> sibling(Asset asset, String suffix) {
        return load(asset.location() + suffix, false).map(s -> s.named(asset.name()));
    }

    private Optional<Asset> load(String name, boolean tryIndex) {
        Asset cached = cache.get(name);
        if (cached != null) return Optional.of(cached);
        URL url = loader.getResource(name);
        if (url == null) return Optional.empty();
        try {
            URLConnection c = url.openConnection();
            if (isDirectory(url, c)) {
                return tryIndex ? index.flatMap(i -> load(name + "/" + i, false)) : Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = c.getInputStream()) {
                bytes = in.readAllBytes();
            }
            long modified = c.getLastModified() > 0 ? c.getLastModified() / 1000 : -1;
            Asset a = Asset.ofBytes(name.substring(name.lastIndexOf('/') + 1), name, bytes, modified);
            cache.putIfAbsent(name, a);
            return Optional.of(a);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isDirectory(URL url, URLConnection c) throws IOException, URISyntaxException {
        if (c instanceof JarURLConnection jar)
            return jar.getJarEntry() == null || jar.getJarEntry().isDirectory();
        if (url.getProtocol().equals("file")) return !Files.isRegularFile(Path.of(url.toURI()));
        return url.getPath().endsWith("/");
    }
}
