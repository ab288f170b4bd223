package dev.tulip.internal;

import dev.tulip.spi.RequestEvent;
import dev.tulip.spi.RequestObserver;

/** The access log ({@code access-log} setting): one line per request at INFO on {@code dev.tulip.access}. */
public final class AccessLog implements RequestObserver {
    @Override
    public void onRequest(RequestEvent e) {
        if (!Log.ACCESS.isInfoEnabled()) return;
        Log.ACCESS.info(
                "{} {} {} {} {}us {}{}{}",
                e.remote().map(a -> a.getAddress().getHostAddress()).orElse("-"),
                e.method(),
                e.target(),
                e.status(),
                e.durationNanos() / 1000,
                e.outcome().name().toLowerCase(java.util.Locale.ROOT),
                e.route().map(r -> " " + r).orElse(""),
                e.requestId().map(id -> " id=" + id).orElse(""));
    }

    @Override
    public String toString() {
        return "access log";
    }
}
