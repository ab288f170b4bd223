package dev.tulip.pg;

import dev.tulip.pg.embedded.EmbeddedPg;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per test JVM, and a fresh database on it per test class that asks. */
final class TestDb {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPg server;

    private TestDb() {}

    static synchronized EmbeddedPg server() {
        if (server == null) server = EmbeddedPg.startTemporary(); // its shutdown hook stops it
        return server;
    }

    /** The url of a new, empty database. */
    static String freshDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (var c = DriverManager.getConnection(server().jdbcUrl())) {
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "postgres://postgres@127.0.0.1:" + server().port() + "/" + name;
    }
}
