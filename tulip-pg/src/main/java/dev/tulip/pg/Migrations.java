package dev.tulip.pg;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ordered SQL files ({@code 001_create_users.sql}, {@code 002_...}) applied once each, in version
 * order, each in its own transaction, recorded in {@code tulip_migrations} with a SHA-256 of its
 * text. A session-level advisory lock serialises processes that start together; an applied file
 * whose text changed is refused (write a new migration instead).
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tulip.pg");
    private static final Pattern NAME = Pattern.compile("(\\d+)_([\\w-]+)\\.sql");
    private static final long LOCK = 0x7475_6c69_7000L; // "tulip" in the lock space of this table

    record Migration(int version, String name, String sql, String checksum) {}

    private Migrations() {}

    /** Applies what is missing; returns the names applied now. */
    static List<String> apply(Pg pg, List<Migration> migrations) throws Exception {
        return pg.session(tx -> {
            tx.value(Object.class, "select pg_advisory_lock($1)", LOCK);
            try {
                tx.execute("create table if not exists tulip_migrations (version int primary key, name text not null,"
                        + " checksum text not null, applied_at timestamptz not null default now())");
                Map<Integer, String> applied = new java.util.HashMap<>();
                for (Row r : tx.rows("select version, checksum from tulip_migrations"))
                    applied.put(r.get("version", Integer.class), r.get("checksum", String.class));
                List<String> done = new ArrayList<>();
                for (Migration m : migrations) {
                    String sum = applied.get(m.version());
                    if (sum != null) {
                        if (!sum.equals(m.checksum()))
                            throw new PgMigrationException(
                                    "migration " + m.name() + " was edited after it was applied"
                                            + " (its checksum changed); restore it and add a new migration for the change",
                                    null);
                        continue;
                    }
                    tx.simple("BEGIN");
                    try {
                        tx.simple(m.sql());
                        tx.execute(
                                "insert into tulip_migrations (version, name, checksum) values ($1, $2, $3)",
                                m.version(),
                                m.name(),
                                m.checksum());
                        tx.simple("COMMIT");
                    } catch (RuntimeException e) {
                        tx.simple("ROLLBACK");
                        throw new PgMigrationException("migration " + m.name() + " failed: " + e.getMessage(), e);
                    }
                    LOG.info("applied migration {}", m.name());
                    done.add(m.name());
                }
                return done;
            } finally {
                tx.value(Object.class, "select pg_advisory_unlock($1)", LOCK);
            }
        });
    }

    /** The {@code NNN_name.sql} files of a classpath directory, in version order. */
    static List<Migration> fromClasspath(String dir, ClassLoader loader) throws Exception {
        String base = dir.replaceAll("^/+|/+$", "");
        URL url = loader.getResource(base);
        if (url == null)
            throw new PgMigrationException("no migrations directory '" + base + "' on the classpath", null);
        List<Migration> out = new ArrayList<>();
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
            FileSystem fs;
            boolean mine = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                mine = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                read(fs.provider().getPath(uri), out);
            } finally {
                if (mine) fs.close();
            }
        } else {
            read(Path.of(uri), out);
        }
        out.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).version() == out.get(i - 1).version())
                throw new PgMigrationException(
                        "two migrations have version " + out.get(i).version() + ": "
                                + out.get(i - 1).name() + " and " + out.get(i).name(),
                        null);
        }
        return out;
    }

    private static void read(Path dir, List<Migration> out) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                Matcher m = NAME.matcher(name);
                if (!m.matches()) continue;
                try (InputStream in = Files.newInputStream(f)) {
                    String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    out.add(new Migration(Integer.parseInt(m.group(1)), name, sql, sha256(sql)));
                }
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
