package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.web.StaticFiles;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The static files page of the guide: a directory, the class path, one file. */
public final class StaticFilesExamples {
    private StaticFilesExamples() {}

    /** Files under {@code root} at /static, the class path's /web at /assets, root/favicon.ico at /favicon.ico. */
    public static Tulip app(Consumer<Config.Builder> config, Path root) {
        var app = Tulip.create(config);
        // tag::static-javadoc[]
        app.get(
                "/static/{path:path}",
                StaticFiles.directory(
                        root,
                        files -> files.cacheControl("public, max-age=3600").immutableHashedNames()));
        app.get("/assets/{path:path}", StaticFiles.classpath("/web"));
        app.get("/favicon.ico", StaticFiles.file(root.resolve("favicon.ico")));
        // end::static-javadoc[]
        return app;
    }

    /** A single-page app: the files of a build, and its index.html for every other path. */
    public static Tulip singlePage(Consumer<Config.Builder> config, Path dist) {
        var app = Tulip.create(config);
        // tag::guide-spa[]
        StaticFiles files = StaticFiles.directory(dist, f -> f.immutableHashedNames());
        StaticFiles index = StaticFiles.file(dist.resolve("index.html"));
        app.get("/{path:path}", req -> {
            Object file = files.handle(req);
            return file instanceof Response r && r.status() == 404 ? index.handle(req) : file;
        });
        // end::guide-spa[]
        return app;
    }

    /** Files copied through a buffer instead of sent zero-copy, and brotli/gzip siblings ignored. */
    public static Tulip options(Consumer<Config.Builder> config, Path root) {
        var app = Tulip.create(config);
        // tag::guide-options[]
        app.get(
                "/downloads/{file:path}",
                StaticFiles.directory(
                        root,
                        f -> f.param("file")
                                .noIndex() // a directory is a 404, not its index.html
                                .dotfiles(false) // the default: .env, .git/... are 404
                                .precompressed(false) // ignore name.br and name.gz beside a file
                                .contentType("log", "text/plain")
                                .cacheControl("private, max-age=60")));
        // end::guide-options[]
        return app;
    }
}
