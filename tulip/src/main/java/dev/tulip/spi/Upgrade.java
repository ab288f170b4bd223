package dev.tulip.spi;

/**
 * Takes over a connection after {@code 101 Switching Protocols} (websockets use it). A handler
 * returns {@link dev.tulip.Response#upgrade}; once the 101 is written, Tulip calls
 * {@link #takeOver} on the connection's event loop and passes every later byte on to the
 * handlers the taker adds to the channel's pipeline.
 */
@FunctionalInterface
public interface Upgrade {

    /** Called on the connection's event loop, after the 101 response was written. */
    void takeOver(UpgradedConnection connection) throws Exception;
}
