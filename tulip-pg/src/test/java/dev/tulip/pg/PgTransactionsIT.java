package dev.tulip.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PgTransactionsIT {
    private static Pg pg;

    @BeforeAll
    static void open() {
        pg = Pg.connect(cfg -> cfg.url(TestDb.freshDatabase()));
        pg.execute("create table account (id int primary key, balance int not null)");
    }

    @AfterAll
    static void close() {
        pg.close();
    }

    @BeforeEach
    void reset() {
        pg.execute("delete from account");
        pg.execute("insert into account values (1, 100), (2, 0)");
    }

    private static int balance(int id) {
        return pg.value(Integer.class, "select balance from account where id = $1", id)
                .orElseThrow();
    }

    @Test
    void workThatReturnsIsCommitted() throws Exception {
        int moved = pg.transaction(tx -> {
            tx.execute("update account set balance = balance - 30 where id = 1");
            tx.execute("update account set balance = balance + 30 where id = 2");
            return 30;
        });
        assertThat(moved).isEqualTo(30);
        assertThat(balance(1)).isEqualTo(70);
        assertThat(balance(2)).isEqualTo(30);
    }

    @Test
    void workThatThrowsIsRolledBackAndTheExceptionRethrown() {
        assertThatThrownBy(() -> pg.transaction(tx -> {
                    tx.execute("update account set balance = 0 where id = 1");
                    throw new IllegalStateException("changed my mind");
                }))
                .hasMessage("changed my mind");
        assertThat(balance(1)).isEqualTo(100);
    }

    @Test
    void aCheckedExceptionRollsBackAndArrivesWrapped() {
        assertThatThrownBy(() -> pg.transaction(tx -> {
                    tx.execute("update account set balance = 0 where id = 1");
                    throw new java.io.IOException("disk full");
                }))
                .isInstanceOf(PgTransactionException.class)
                .hasRootCauseMessage("disk full");
        assertThat(balance(1)).isEqualTo(100);
    }

    @Test
    void aFailedSavepointUndoesOnlyItsOwnPart() throws Exception {
        pg.transaction(tx -> {
            tx.execute("update account set balance = 1 where id = 1");
            assertThatThrownBy(() -> tx.savepoint(inner -> inner.execute("insert into account values (1, 5)")))
                    .isInstanceOf(PgException.class);
            tx.savepoint(inner -> inner.execute("update account set balance = 2 where id = 2"));
            return null;
        });
        assertThat(balance(1)).isEqualTo(1);
        assertThat(balance(2)).isEqualTo(2);
    }

    @Test
    void aReadOnlyTransactionRefusesWrites() {
        assertThatThrownBy(() -> pg.transaction(
                        TxOptions.DEFAULT.readOnly(true), tx -> tx.execute("update account set balance = 0")))
                .isInstanceOf(PgException.class)
                .satisfies(e -> assertThat(((PgException) e).sqlState()).isEqualTo("25006"));
    }

    @Test
    void theIsolationLevelIsTheOneAskedFor() throws Exception {
        String level = pg.transaction(
                TxOptions.of(Isolation.SERIALIZABLE),
                tx -> tx.value(String.class, "show transaction_isolation").orElseThrow());
        assertThat(level).isEqualTo("serializable");
    }

    @Test
    void aSerializationFailureIsRetriedUntilTheTransactionCommits() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CyclicBarrier bothRead = new CyclicBarrier(2);
        TxOptions opts = TxOptions.of(Isolation.SERIALIZABLE).retries(5);
        try (var exec = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> a = exec.submit(() -> pg.transaction(opts, tx -> increment(tx, attempts, bothRead)));
            Future<?> b = exec.submit(() -> pg.transaction(opts, tx -> increment(tx, attempts, bothRead)));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        }
        assertThat(balance(2)).isEqualTo(2); // both increments landed
        assertThat(attempts.get()).isGreaterThan(2); // one of them ran again
    }

    private static Object increment(Tx tx, AtomicInteger attempts, CyclicBarrier bothRead) throws Exception {
        int n = attempts.incrementAndGet();
        int b = tx.value(Integer.class, "select balance from account where id = 2")
                .orElseThrow();
        if (n <= 2) bothRead.await(10, TimeUnit.SECONDS); // the first two attempts overlap
        tx.execute("update account set balance = $1 where id = 2", b + 1);
        return null;
    }

    @Test
    void serializationFailuresAndDeadlocksAreRetryableOtherErrorsAreNot() {
        assertThat(new PgException("x", "40001", null, null, null, null, null).retryable())
                .isTrue();
        assertThat(new PgException("x", "40P01", null, null, null, null, null).retryable())
                .isTrue();
        assertThat(new PgException("x", "23505", null, null, null, null, null).retryable())
                .isFalse();
    }
}
