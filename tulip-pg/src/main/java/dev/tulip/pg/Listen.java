package dev.tulip.pg;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A subscription on Vert.x's {@link PgSubscriber}, with reconnects forever and gaps reported. */
final class Listen implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tulip.pg");
    private final PgSubscriber subscriber;
    private final String channel;
    private volatile boolean listening;
    private volatile Instant lostAt;
    private volatile boolean closed;

    private Listen(PgSubscriber subscriber, String channel) {
        this.subscriber = subscriber;
        this.channel = channel;
    }

    static Listen open(
            Vertx vertx, PgConnectOptions connect, String channel, Consumer<String> onMessage, Consumer<Gap> onGap)
            throws Exception {
        PgSubscriber sub = PgSubscriber.subscriber(vertx, new PgConnectOptions(connect));
        Listen l = new Listen(sub, channel);
        // Vert.x calls the policy each time the connection is lost (and after each failed attempt);
        // its own closeHandler only runs when it gives up, which this policy never does
        sub.reconnectPolicy(attempt -> {
            if (l.listening) LOG.warn("LISTEN {}: connection lost, reconnecting", channel);
            l.listening = false;
            if (l.lostAt == null) l.lostAt = Instant.now();
            return Math.min(1000L, 50L << Math.min(attempt, 5));
        });
        sub.channel(channel)
                .subscribeHandler(v -> {
                    l.listening = true;
                    Instant lost = l.lostAt;
                    if (lost != null) {
                        l.lostAt = null;
                        onGap.accept(new Gap(channel, lost, Instant.now()));
                    }
                })
                .handler(onMessage::accept);
        sub.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return l;
    }

    @Override
    public boolean listening() {
        return listening;
    }

    @Override
    public void close() {
        closed = true;
        listening = false;
        try {
            subscriber.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("LISTEN {}: close failed", channel, e);
        }
    }
}
