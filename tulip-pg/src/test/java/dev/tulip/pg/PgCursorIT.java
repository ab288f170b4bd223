package dev.tulip.pg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PgCursorIT {
    private static Pg pg;

    @BeforeAll
    static void open() {
        pg = Pg.connect(cfg -> cfg.url(TestDb.freshDatabase()));
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    @Test
    void aMillionRowsStreamThroughACursorNeverHoldingMoreThanTheFetchSize() throws Exception {
        int fetch = 2000;
        long[] seen = new long[2];
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long[] peak = {before};
        pg.transaction(tx -> {
            try (Cursor c =
                    tx.cursor(fetch, "select g, repeat('x', 100) as pad from generate_series(1, $1) g", 1_000_000)) {
                for (Row r : c) {
                    seen[0]++;
                    seen[1] += r.get("g", Integer.class);
                    if (seen[0] % 100_000 == 0) {
                        System.gc(); // what survives a collection is what the cursor holds
                        peak[0] = Math.max(peak[0], rt.totalMemory() - rt.freeMemory());
                    }
                }
                assertThat(c.largestBatch()).isEqualTo(fetch);
            }
            return null;
        });
        assertThat(seen[0]).isEqualTo(1_000_000);
        assertThat(seen[1]).isEqualTo(1_000_000L * 1_000_001 / 2);
        // the whole result is over 100 MB as rows; one batch is well under a megabyte
        assertThat(peak[0] - before).isLessThan(32L << 20);
    }

    @Test
    void aCursorReadsEveryRowOfASmallResultAndThenStops() throws Exception {
        int n = pg.transaction(tx -> {
            int count = 0;
            try (Cursor c = tx.cursor(10, "select generate_series(1, 25)")) {
                for (Row r : c) count++;
            }
            return count;
        });
        assertThat(n).isEqualTo(25);
    }
}
