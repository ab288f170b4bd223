package dev.tulip.pg;

import dev.tulip.Tulip;
import dev.tulip.pg.internal.Client;
import dev.tulip.pg.internal.Values;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.SqlConnection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Rows of a query read in batches as the caller iterates ({@link Tx#cursor}): the next batch is
 * fetched only when the previous one is used up, so a slow consumer holds the server back instead
 * of filling memory. Iterate it once, on the thread of its transaction; close it when done.
 */
public final class Cursor implements Iterable<Row>, AutoCloseable {
    private final Client.Held held;
    private final PreparedStatement statement;
    private final io.vertx.sqlclient.Cursor cursor;
    private final int fetchSize;
    private List<Row> batch = List.of();
    private int next;
    private int largestBatch;
    private boolean iterated;
    private boolean fetched;

    private Cursor(Client.Held held, PreparedStatement statement, io.vertx.sqlclient.Cursor cursor, int fetchSize) {
        this.held = held;
        this.statement = statement;
        this.cursor = cursor;
        this.fetchSize = fetchSize;
    }

    static Cursor open(Client.Held held, int fetchSize, String sql, Object[] params) {
        PreparedStatement ps = Tulip.await(held.run(c -> ((SqlConnection) c).prepare(sql)));
        var tuple = Values.tuple(params);
        io.vertx.sqlclient.Cursor cursor =
                Tulip.await(Client.on(held.context(), () -> io.vertx.core.Future.succeededFuture(ps.cursor(tuple))));
        return new Cursor(held, ps, cursor, fetchSize);
    }

    /** The most rows held at once so far (never more than the fetch size). */
    public int largestBatch() {
        return largestBatch;
    }

    @Override
    public Iterator<Row> iterator() {
        if (iterated) throw new IllegalStateException("a cursor is iterated once; open another for a second pass");
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (next >= batch.size()) {
                    if (fetched && !cursor.hasMore()) return false;
                    batch = List.of(); // let the used batch go before the next arrives
                    List<Row> rows = Tulip.await(Client.on(held.context(), () -> cursor.read(fetchSize))
                            .thenApply(Rows::of));
                    fetched = true;
                    batch = rows;
                    next = 0;
                    largestBatch = Math.max(largestBatch, rows.size());
                    if (rows.isEmpty()) return false;
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return batch.get(next++);
            }
        };
    }

    @Override
    public void close() {
        try {
            Tulip.await(Client.on(held.context(), cursor::close));
        } finally {
            Tulip.await(Client.on(held.context(), statement::close));
        }
    }
}
