package dev.tulip.web;

import dev.tulip.Handler;
import dev.tulip.Request;
import dev.tulip.Response;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Static files as a handler: from a directory, a folder of the class path (inside jars too), or
 * one file.
 *
 * <pre>{@code
 * app.get(
 *         "/static/{path:path}",
 *         StaticFiles.directory(
 *                 root,
 *                 files -> files.cacheControl("public, max-age=3600").immutableHashedNames()));
 * app.get("/assets/{path:path}", StaticFiles.classpath("/web"));
 * app.get("/favicon.ico", StaticFiles.file(root.resolve("favicon.ico")));
 * }</pre>
 *
 * <p>Every file gets a strong {@code ETag} (size and modification time; a content hash for class
 * path resources), {@code Last-Modified}, {@code Cache-Control} ({@code no-cache} unless
 * configured), {@code Accept-Ranges: bytes} and a type from its extension ({@code charset=utf-8}
 * for text). Conditional requests are answered {@code 304} or {@code 412}, {@code Range} with
 * {@code 206} (several ranges as {@code multipart/byteranges}) or {@code 416}, and {@code HEAD}
 * without the body. A {@code name.br} or {@code name.gz} beside a file is sent instead of it to a
 * client that accepts that coding, with {@code Vary: Accept-Encoding}, and is not compressed again.
 * Files on disk go out zero-copy ({@code sendfile}).
 *
 * <p>No request reaches outside the root: dot-segments, NUL, control characters, backslashes,
 * colons and absolute paths are refused with {@code 400}; hidden names (a segment starting with a
 * dot) and anything whose real path is outside the root (a symlink leading out) are {@code 404}.
 * The path comes from the route's path parameter, {@code path} unless {@link Options#param} says
 * otherwise; only {@code GET} and {@code HEAD} are meant to reach it.
 */
public final class StaticFiles implements Handler {
    private static final Pattern HASHED = Pattern.compile(".*[.-][0-9a-fA-F]{8,}\\.[A-Za-z0-9]+$");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** How a {@link StaticFiles} handler serves; every setting has a default. */
    public static final class Options {
        private String param = "path";
        private Optional<String> index = Optional.of("index.html");
        private String cacheControl = "no-cache";
        private Predicate<String> immutable = name -> false;
        private boolean precompressed = true;
        private boolean dotfiles;
        private boolean zeroCopy = true;
        private final Map<String, String> types = new HashMap<>();
        private ClassLoader loader = StaticFiles.class.getClassLoader();

        private Options() {}

        /** The route's path parameter holding the file's path ({@code path}). */
        public Options param(String name) {
            this.param = name;
            return this;
        }

        /** The file served for a directory ({@code index.html}). */
        public Options index(String fileName) {
            this.index = Optional.of(fileName);
            return this;
        }

        /** A directory is not found, rather than served by its index file. */
        public Options noIndex() {
            this.index = Optional.empty();
            return this;
        }

        /** {@code Cache-Control} of every file ({@code no-cache}: cached, revalidated with the {@code ETag}). */
        public Options cacheControl(String value) {
            this.cacheControl = value;
            return this;
        }

        /** Files whose name matches get {@code Cache-Control: public, max-age=31536000, immutable}. */
        public Options immutable(Predicate<String> fileName) {
            this.immutable = fileName;
            return this;
        }

        /** {@link #immutable} for names holding a hash of 8 or more hex digits ({@code app.3f9a2b1c.js}). */
        public Options immutableHashedNames() {
            return immutable(name -> HASHED.matcher(name).matches());
        }

        /** Whether {@code .br}/{@code .gz} siblings are sent to clients that accept them (yes). */
        public Options precompressed(boolean on) {
            this.precompressed = on;
            return this;
        }

        /** Whether hidden names ({@code .env}, {@code .git/config}) are served (no: 404). */
        public Options dotfiles(boolean serve) {
            this.dotfiles = serve;
            return this;
        }

        /** Whether files on disk are sent zero-copy (yes); no copies them through a buffer, chunked. */
        public Options zeroCopy(boolean on) {
            this.zeroCopy = on;
            return this;
        }

        /** The type of files ending in {@code .extension}, over the built-in table. */
        public Options contentType(String extension, String type) {
            types.put(extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""), type);
            return this;
        }

        /** The class loader {@link #classpath} reads from (the one that loaded Tulip). */
        public Options classLoader(ClassLoader loader) {
            this.loader = loader;
            return this;
        }
    }

    private final AssetSource source;
    private final Options o;
    private final boolean takesPath;

    private StaticFiles(AssetSource source, Options o, boolean takesPath) {
        this.source = source;
        this.o = o;
        this.takesPath = takesPath;
    }

    private static Options options(Consumer<Options> configure) {
        Options o = new Options();
        configure.accept(o);
        return o;
    }

    /** The files under {@code root}, which must exist. */
    public static StaticFiles directory(Path root) {
        return directory(root, o -> {});
    }

    /** The files under {@code root}, configured. */
    public static StaticFiles directory(Path root, Consumer<Options> configure) {
        Options o = options(configure);
        return new StaticFiles(new AssetSource.Directory(root, o.index), o, true);
    }

    /** The resources under {@code folder} of the class path ({@code "/web"}), in directories or jars. */
    public static StaticFiles classpath(String folder) {
        return classpath(folder, o -> {});
    }

    /** The resources under {@code folder} of the class path, configured. */
    public static StaticFiles classpath(String folder, Consumer<Options> configure) {
        Options o = options(configure);
        return new StaticFiles(new ClasspathSource(o.loader, folder, o.index), o, true);
    }

    /** One resource of the class path ({@code "/web/chat.html"}), whatever the request's path. */
    public static StaticFiles classpathFile(String resource) {
        return classpathFile(resource, o -> {});
    }

    /** One resource of the class path, configured. */
    public static StaticFiles classpathFile(String resource, Consumer<Options> configure) {
        int slash = resource.lastIndexOf('/');
        if (slash < 0 || slash == resource.length() - 1)
            throw new IllegalArgumentException(
                    "a class path file is a resource path such as /web/page.html, was '" + resource + "'");
        Options o = options(configure);
        String folder = slash == 0 ? "/" : resource.substring(0, slash);
        return new StaticFiles(
                new ClasspathSource(o.loader, folder, Optional.of(resource.substring(slash + 1))), o, false);
    }

    /** One file, whatever the request's path. */
    public static StaticFiles file(Path file) {
        return file(file, o -> {});
    }

    /** One file, configured. */
    public static StaticFiles file(Path file, Consumer<Options> configure) {
        return new StaticFiles(new AssetSource.SingleFile(file), options(configure), false);
    }

    @Override
    public Object handle(Request req) {
        Optional<String> rel = takesPath ? StaticPath.clean(path(req), o.dotfiles) : Optional.of("");
        Optional<Asset> found = rel.flatMap(source::find);
        if (found.isEmpty()) return Response.notFound(req.path() + ": no such file");
        Asset plain = found.get();
        Asset asset = plain;
        Optional<String> coding = Optional.empty();
        if (o.precompressed) {
            // siblings are looked for only for the codings the client takes, best first; the answer
            // says it varies either way, since a client that takes another coding may get a sibling
            for (Precompressed.Coding c : Precompressed.accepted(req.headers().all("Accept-Encoding"))) {
                Optional<Asset> sibling = source.sibling(plain, c.suffix());
                if (sibling.isPresent()) {
                    asset = sibling.get();
                    coding = Optional.of(c.name());
                    break;
                }
            }
        }
        String type = ContentTypes.of(plain.name(), o.types);
        return FileResponses.respond(req, asset, type, coding, o.precompressed, cacheControl(plain), o.zeroCopy);
    }

    private String path(Request req) {
        if (!req.pathParams().containsKey(o.param))
            throw new IllegalStateException(
                    "StaticFiles on route " + req.route().orElse(req.path()) + " needs a path parameter {" + o.param
                            + ":path} (or Options.param to name another)");
        return req.pathParam(o.param);
    }

    private String cacheControl(Asset plain) {
        return o.immutable.test(plain.name()) ? IMMUTABLE : o.cacheControl;
    }
}
