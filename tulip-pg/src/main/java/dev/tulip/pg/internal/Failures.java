package dev.tulip.pg.internal;

import dev.tulip.pg.PgException;
import dev.tulip.pg.PgUnavailableException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Vert.x's failures as the module's own exceptions. */
public final class Failures {
    private Failures() {}

    /** {@code t} as a {@link PgException}, a {@link PgUnavailableException}, or itself. */
    public static Throwable map(Throwable t) {
        if (t instanceof CompletionException ce && ce.getCause() != null) t = ce.getCause();
        if (t instanceof PgException || t instanceof PgUnavailableException) return t;
        if (t instanceof io.vertx.pgclient.PgException e) {
            return new PgException(
                    e.getErrorMessage(),
                    e.getSqlState(),
                    e.getConstraint(),
                    e.getTable(),
                    e.getColumn(),
                    e.getDetail(),
                    e);
        }
        if (t instanceof ConnectionPoolTooBusyException)
            return new PgUnavailableException(
                    "every database connection is busy and the wait queue is full; retry later, or raise Pg's poolSize/waitQueue",
                    t);
        if (unreachable(t))
            return new PgUnavailableException(
                    "the database is unreachable (" + t.getMessage()
                            + "); retry later, and check that PostgreSQL is up",
                    t);
        return t;
    }

    private static boolean unreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException
                    || c instanceof ClosedConnectionException
                    || c instanceof ClosedChannelException
                    || c instanceof TimeoutException
                    || c instanceof java.io.IOException
                    || c.getClass().getSimpleName().contains("Timeout")) return true;
            String m = String.valueOf(c.getMessage());
            if (m.contains("Pool closed") || m.contains("Timeout while waiting") || m.contains("Failed to connect"))
                return true;
        }
        return false;
    }
}
