package dev.tulip.admin.internal.pg;

import dev.tulip.pg.Pg;
import dev.tulip.pg.embedded.EmbeddedPg;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per test JVM, and a fresh database on it per test class that asks. */
public final class TestDb {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPg server;

    private TestDb() {}

    static synchronized EmbeddedPg server() {
        if (server == null) server = EmbeddedPg.startTemporary(); // its shutdown hook stops it
        return server;
    }

    /** The url of a new, empty database. */
    public static String freshDatabase() {
        String name = "admin" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Pg admin = Pg.connect(cfg -> cfg.url(server().url()).poolSize(1))) {
            admin.execute("create database " + name);
        }
        return "postgres://postgres@127.0.0.1:" + server().port() + "/" + name;
    }

    /** A pool on a new database. */
    static Pg freshPg() {
        String url = freshDatabase();
        return Pg.connect(cfg -> cfg.url(url).poolSize(4));
    }

    /** Runs the statements of classpath resource {@code pg/name}, one by one (each ends with a semicolon at a line's end). */
    static void script(Pg pg, String name) {
        for (String statement : resource(name).split(";\\s*\n")) {
            String sql = statement
                    .lines()
                    .filter(l -> !l.strip().startsWith("--"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            if (!sql.isBlank()) pg.execute(sql);
        }
    }

    /** The text of classpath resource {@code pg/name}. */
    static String resource(String name) {
        try (InputStream in = TestDb.class.getResourceAsStream("/pg/" + name)) {
            if (in == null) throw new IllegalStateException("no resource pg/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
