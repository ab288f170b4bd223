package dev.tulip.pg;

import dev.tulip.pg.internal.CopyText;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code COPY ... FROM STDIN} through pgjdbc (Vert.x's client has no COPY): rows are encoded in COPY's
 * text format ({@link CopyText}) straight to bytes and written in 64 KiB chunks on the calling (virtual)
 * thread, over a connection of its own.
 */
final class Copy {
    private static final int CHUNK = 64 * 1024;

    private Copy() {}

    static long in(PgConnectOptions o, String table, List<String> columns, Iterable<Object[]> rows) {
        try {
            Class.forName("org.postgresql.PGConnection");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "Pg.copyIn needs pgjdbc: add org.postgresql:postgresql to the app's dependencies");
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        Properties p = new Properties();
        p.setProperty("user", o.getUser());
        if (o.getPassword() != null) p.setProperty("password", o.getPassword());
        p.setProperty(
                "sslmode",
                o.getSslMode() == null
                        ? "disable"
                        : o.getSslMode().name().toLowerCase().replace('_', '-'));
        String url = "jdbc:postgresql://" + o.getHost() + ":" + o.getPort() + "/" + o.getDatabase();
        try (Connection c = DriverManager.getConnection(url, p)) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                CopyText text = new CopyText(CHUNK + CHUNK / 4);
                for (Object[] row : rows) {
                    if (row.length != columns.size())
                        throw new IllegalArgumentException(
                                "a row has " + row.length + " values for " + columns.size() + " columns");
                    text.row(row);
                    if (text.size() >= CHUNK) flush(copy, text);
                }
                flush(copy, text);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw new PgException(
                    String.valueOf(e.getMessage()),
                    e.getSQLState() == null ? "XX000" : e.getSQLState(),
                    null,
                    table,
                    null,
                    null,
                    e);
        }
    }

    private static void flush(CopyIn copy, CopyText text) throws SQLException {
        if (text.size() == 0) return;
        copy.writeToCopy(text.bytes(), 0, text.size());
        text.clear();
    }
}
