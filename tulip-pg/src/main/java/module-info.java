/**
 * PostgreSQL for Tulip apps: one {@code Pg} value per database, installed into the app, on
 * Vert.x's pg client running on the app's own event loops.
 */
module dev.tulip.pg {
    // ---- API: what apps use
    exports dev.tulip.pg;

    requires transitive dev.tulip;

    // ---- internal: dev.tulip.pg.internal is exported to no one
    requires io.vertx.core;
    requires io.vertx.sql.client;
    requires io.vertx.sql.client.pg;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.classes.io_uring;
    requires io.netty.handler; // FlushConsolidationHandler
    requires static org.postgresql.jdbc; // Pg.copyIn only
    requires java.sql;
    requires org.slf4j;
}
