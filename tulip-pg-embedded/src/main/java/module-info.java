/**
 * A real PostgreSQL started from the JVM for development and tests, with no setup: zonky's
 * PostgreSQL 14 binaries, run under {@code unshare -U} when the JVM runs as root.
 */
module dev.tulip.pg.embedded {
    // ---- API
    exports dev.tulip.pg.embedded;

    // ---- internal
    requires embedded.postgres;
    requires java.sql;
    requires org.slf4j;
}
