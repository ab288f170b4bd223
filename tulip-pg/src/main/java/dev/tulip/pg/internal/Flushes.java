package dev.tulip.pg.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.internal.Connection;
import io.vertx.sqlclient.internal.SqlConnectionInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write to the socket for the many queries a loop task issues on a pipelined connection: Vert.x
 * flushes each query as it is sent (a system call per query: 20 for TechEmpower's
 * {@code /queries?queries=20}); Netty's {@link FlushConsolidationHandler} at the head of the
 * connection's pipeline turns the flushes of one task into one, run right after it on the loop,
 * and those made while the connection reads into one at the end of the read.
 *
 * <p>The socket is reached through Vert.x's connection class ({@code socket()}), which its module
 * does not export: where that access is refused (a fully modular app) the connection is left as
 * Vert.x made it, and said so once.
 */
final class Flushes {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tulip.pg");
    private static volatile boolean warned;

    private Flushes() {}

    /** Consolidates {@code conn}'s flushes when its socket can be reached; whether it could. */
    static boolean consolidate(SqlConnection conn) {
        try {
            Connection c = ((SqlConnectionInternal) conn).unwrap();
            while (c.unwrap() != c) c = c.unwrap();
            Object socket = c.getClass().getMethod("socket").invoke(c);
            ChannelHandlerContext ctx = ((NetSocketInternal) socket).channelHandlerContext();
            ctx.pipeline().addFirst("tulip-pg-flushes", new FlushConsolidationHandler(256, true));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.info("PostgreSQL writes are flushed per query (Vert.x's socket is out of reach: {})", e.toString());
            }
            return false;
        }
    }
}
