package dev.tulip.web;

import dev.tulip.RawHttp;
import dev.tulip.Tulip;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A directory of files, a jar of resources and an app serving them on port 0, for the static
 * files tests. Under {@code dir}: {@code secret.txt} (outside the root) and {@code public/}, the
 * root, with text, bytes, precompressed siblings, hidden files and symlinks in and out.
 */
final class StaticFilesFixture implements AutoCloseable {
    static final String SECRET = "TOP-SECRET-CONTENT";
    static final String HELLO = "hello, static world\n";
    static final String CSS = "body { color: teal; }\n".repeat(100);
    static final String CSS_BR = "pretend-brotli-bytes";
    static final String CSS_GZ = "pretend-gzip-bytes";

    final Path dir;
    final Path root;
    final byte[] data = new byte[10_000];
    final Tulip app;
    final URLClassLoader jarLoader;

    StaticFilesFixture(Path dir) throws IOException {
        this.dir = dir;
        this.root = Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.writeString(root.resolve("hello.txt"), HELLO);
        new Random(7).nextBytes(data);
        Files.write(root.resolve("data.bin"), data);
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/index.html"), "<h1>docs</h1>");
        Files.writeString(root.resolve("app.3f9a2b1c.js"), "console.log(1)");
        Files.writeString(root.resolve("style.css"), CSS);
        Files.writeString(root.resolve("style.css.br"), CSS_BR);
        Files.writeString(root.resolve("style.css.gz"), CSS_GZ);
        Files.writeString(root.resolve(".env"), SECRET);
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), SECRET);
        Files.writeString(root.resolve("%2e%2e"), "a file named %2e%2e");
        Files.createSymbolicLink(root.resolve("out-link.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("out-dir"), dir);
        Files.createSymbolicLink(root.resolve("in-link.txt"), root.resolve("hello.txt"));
        Path jar = dir.resolve("assets.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "web/", null);
            entry(out, "web/app.js", "console.log('from a jar')");
            entry(out, "web/sub/", null);
            entry(out, "web/sub/index.html", "<p>jar index</p>");
            entry(out, "secret/keys.txt", SECRET);
        }
        jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);

        app = Tulip.create(c -> c.port(0));
        app.get("/static/{path:path}", StaticFiles.directory(root));
        app.get(
                "/cached/{path:path}",
                StaticFiles.directory(
                        root, f -> f.cacheControl("public, max-age=60").immutableHashedNames()));
        app.get("/copy/{path:path}", StaticFiles.directory(root, f -> f.zeroCopy(false)));
        app.get("/noindex/{path:path}", StaticFiles.directory(root, f -> f.noIndex()));
        app.get("/dots/{path:path}", StaticFiles.directory(root, f -> f.dotfiles(true)));
        app.get("/jar/{path:path}", StaticFiles.classpath("/web", f -> f.classLoader(jarLoader)));
        app.get("/hello", StaticFiles.file(root.resolve("hello.txt")));
        app.start();
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (text != null) out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** One GET (or {@code method}) over a new socket, with extra header lines. */
    RawHttp.Response send(String method, String target, String... headerLines) throws IOException {
        StringBuilder h = new StringBuilder();
        for (String line : headerLines) h.append(line).append("\r\n");
        try (RawHttp c = RawHttp.connect(app.port())) {
            c.send(method + " " + target + " HTTP/1.1\r\nHost: t\r\n" + h + "\r\n");
            return method.equals("HEAD") ? c.readHead() : c.read();
        }
    }

    RawHttp.Response get(String target, String... headerLines) throws IOException {
        return send("GET", target, headerLines);
    }

    @Override
    public void close() throws IOException {
        app.stop();
        jarLoader.close();
    }
}
