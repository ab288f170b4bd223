package dev.tulip.pg.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * A PostgreSQL server on 127.0.0.1 run from zonky's binaries: {@link #start(Path)} keeps its data
 * in a directory between runs, {@link #startTemporary()} in a fresh one deleted on close. It is a
 * development server: {@code fsync} and {@code synchronous_commit} are off, so a machine crash can
 * lose the last commits. The superuser is {@code postgres} with no password (trust on loopback).
 *
 * <p>A data directory belongs to one running server: starting a second on it fails with a
 * message that says so. {@link #close()} stops the server (a fast shutdown), and a shutdown hook
 * stops it if the JVM exits without closing it.
 */
public final class EmbeddedPg implements AutoCloseable {
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    private final Optional<Path> dataDirectory;
    private EmbeddedPostgres server;
    private int port;

    private EmbeddedPg(Optional<Path> dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Starts a server whose data lives in {@code dataDirectory} (created when missing) and survives restarts. */
    public static EmbeddedPg start(Path dataDirectory) {
        EmbeddedPg pg = new EmbeddedPg(Optional.of(dataDirectory.toAbsolutePath()));
        pg.open(0);
        return pg;
    }

    /** Starts a server on a fresh data directory, deleted when it stops: for tests. */
    public static EmbeddedPg startTemporary() {
        EmbeddedPg pg = new EmbeddedPg(Optional.empty());
        pg.open(0);
        return pg;
    }

    /** The port on 127.0.0.1. */
    public synchronized int port() {
        return port;
    }

    /** {@code postgres://postgres@127.0.0.1:<port>/postgres}, for {@code DATABASE_URL} or {@code Pg}'s url. */
    public String url() {
        return "postgres://postgres@127.0.0.1:" + port() + "/postgres";
    }

    /** The same server as a JDBC url. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres?user=postgres";
    }

    /** The kept data directory; empty for a temporary server. */
    public Optional<Path> dataDirectory() {
        return dataDirectory;
    }

    /** Whether the server is running (between start and {@link #stop()} or {@link #close()}). */
    public synchronized boolean running() {
        return server != null;
    }

    /**
     * Stops the server and keeps the data, so {@link #restart()} can bring it back on the same port:
     * tests of what an app does while its database is down use this.
     */
    public synchronized void stop() {
        if (server == null) return;
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL on port " + port, e);
        } finally {
            server = null;
        }
    }

    /** Starts the server again on the same port and data (a stopped server only). */
    public synchronized void restart() {
        if (server != null) throw new IllegalStateException("the embedded PostgreSQL is running; stop() it first");
        open(port);
    }

    /** Stops the server; a temporary server's data is deleted. */
    @Override
    public void close() {
        stop();
    }

    private synchronized void open(int wantedPort) {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setPort(wantedPort)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        if (dataDirectory.isPresent()) {
            Path dir = dataDirectory.get();
            refuseIfTaken(dir);
            b.setDataDirectory(dir).setCleanDataDirectory(false);
        } else if (wantedPort != 0) {
            throw new IllegalStateException(
                    "a temporary embedded PostgreSQL cannot restart: its data is deleted on stop; "
                            + "use EmbeddedPg.start(dataDirectory)");
        }
        try {
            server = b.start();
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedPgException(failure(e), e);
        }
        port = server.getPort();
    }

    private String failure(Exception e) {
        String where = dataDirectory.map(d -> " on " + d).orElse("");
        String orphan = dataDirectory
                .map(d -> d.resolve("postmaster.pid"))
                .filter(Files::exists)
                .map(pid -> "; " + pid + " exists: a PostgreSQL from an earlier run may still hold the directory"
                        + " (stop it: kill the pid on the file's first line)")
                .orElse("");
        return "could not start the embedded PostgreSQL" + where + ": " + e.getMessage() + orphan;
    }

    /** Zonky locks the directory too, but says only "could not lock": say who holds it. */
    private static void refuseIfTaken(Path dir) {
        try {
            Path lockFile = dir.resolve("epg-lock"); // zonky's, written after initdb: its absence means a new directory
            if (!Files.exists(lockFile)) return;
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                    FileLock lock = ch.tryLock()) {
                if (lock == null) throw taken(dir);
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            throw taken(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not use " + dir + " as the PostgreSQL data directory", e);
        }
    }

    private static EmbeddedPgException taken(Path dir) {
        return new EmbeddedPgException(
                "the PostgreSQL data directory " + dir
                        + " is in use by another running server (is the demo running already, e.g. a second ./run.sh?); "
                        + "stop that one, or set DATABASE_URL to use another PostgreSQL",
                null);
    }
}
