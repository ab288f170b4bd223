package dev.tulip.pg;

/**
 * The work of a transaction threw a checked exception (its cause): the transaction was rolled back.
 * Unchecked exceptions from the work reach the caller as they are.
 */
public final class PgTransactionException extends RuntimeException {
    PgTransactionException(Exception cause) {
        super("the transaction was rolled back: its work threw " + cause, cause);
    }

    static RuntimeException of(Exception e) {
        if (e instanceof RuntimeException re) return re;
        if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        return new PgTransactionException(e);
    }
}
