package dev.tulip.pg;

import io.vertx.pgclient.PgConnectOptions;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code COPY ... FROM STDIN} through pgjdbc (Vert.x's client has no COPY): rows are written as CSV
 * in 64 KiB chunks on the calling (virtual) thread, over a connection of its own.
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
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
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
                StringBuilder sb = new StringBuilder(CHUNK + 1024);
                for (Object[] row : rows) {
                    if (row.length != columns.size())
                        throw new IllegalArgumentException(
                                "a row has " + row.length + " values for " + columns.size() + " columns");
                    for (int i = 0; i < row.length; i++) {
                        if (i > 0) sb.append(',');
                        csv(sb, row[i]);
                    }
                    sb.append('\n');
                    if (sb.length() >= CHUNK) flush(copy, sb);
                }
                flush(copy, sb);
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

    private static void flush(CopyIn copy, StringBuilder sb) throws SQLException {
        if (sb.isEmpty()) return;
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(b, 0, b.length);
        sb.setLength(0);
    }

    private static void csv(StringBuilder sb, Object v) {
        switch (v) {
            case null -> {} // an unquoted empty field is NULL
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            case byte[] bytes -> sb.append("\\x").append(HexFormat.of().formatHex(bytes));
            default -> {
                String s = v.toString();
                sb.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"') sb.append('"');
                    sb.append(c);
                }
                sb.append('"');
            }
        }
    }
}
