package dev.tulip.client.internal;

import dev.tulip.client.Redirects;
import dev.tulip.client.TooManyRedirectsException;
import dev.tulip.client.TotalTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One call: its attempts (retries of idempotent requests that failed before any response, after a
 * doubling backoff), its redirects (by the policy), all within the total timeout. Never blocks.
 */
public final class Calls {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> ORIGIN_BOUND = Set.of("authorization", "cookie", "proxy-authorization");
    private final Transport transport;

    public Calls(Transport transport) {
        this.transport = transport;
    }

    /** Sends {@code req}; the response has its body in memory when {@code buffered}, else streamed. */
    public CompletionStage<RawResponse> send(Req req, boolean buffered) {
        Call call = new Call(buffered, System.nanoTime() + req.total().toNanos());
        if (transport.isClosed()) call.result.completeExceptionally(transport.closedFailure(req));
        else call.attempt(req, 0, 0);
        return call.result;
    }

    /**
     * A call in progress. Its total timeout is enforced by the parts that wait: the pool's wait for a
     * connection, the connect (its timeout shortened to what remains), and the exchange's timer,
     * which covers a streamed body to its end.
     */
    private final class Call {
        final CompletableFuture<RawResponse> result = new CompletableFuture<>();
        final boolean buffered;
        final long deadline;

        Call(boolean buffered, long deadline) {
            this.buffered = buffered;
            this.deadline = deadline;
        }

        void attempt(Req req, int retry, int redirects) {
            transport.pool(req).acquire(req, deadline).whenComplete((lease, failure) -> {
                if (failure != null) {
                    failed(req, retry, redirects, failure);
                    return;
                }
                Exchange e = new Exchange(transport, lease, req, buffered, deadline);
                e.response.whenComplete((r, t) -> {
                    if (t != null) failed(req, retry, redirects, t);
                    else answered(r, redirects);
                });
                e.start();
            });
        }

        private void failed(Req req, int retry, int redirects, Throwable t) {
            long wait = transport.config().retryBackoff().toNanos() << retry;
            if (Failures.beforeResponse(t)
                    && req.retryable()
                    && retry < transport.config().retries()
                    && !transport.isClosed()
                    && System.nanoTime() + wait - deadline < 0) {
                transport.loop().schedule(() -> attempt(req, retry + 1, redirects), wait, TimeUnit.NANOSECONDS);
                return;
            }
            if (transport.isClosed() && !(t instanceof dev.tulip.client.ClientClosedException))
                t = transport.closedFailure(req); // whatever broke while closing
            else if (t instanceof io.netty.channel.ConnectTimeoutException && System.nanoTime() - deadline >= 0)
                t = new TotalTimeoutException(
                        "no connection within the total timeout of "
                                + req.total().toMillis() + "ms",
                        req.method(),
                        req.urlText(),
                        t);
            result.completeExceptionally(Failures.translate(t, req));
        }

        private void answered(RawResponse r, int redirects) {
            Req next = redirect(r);
            if (next == null) {
                result.complete(r);
                return;
            }
            r.discard();
            if (redirects + 1 > transport.config().redirects().max()) {
                result.completeExceptionally(new TooManyRedirectsException(
                        "more than " + transport.config().redirects().max() + " redirects (the last to "
                                + next.urlText() + ")",
                        r.method(),
                        r.urlForMessages(),
                        null));
                return;
            }
            attempt(next, 0, redirects + 1);
        }
    }

    /** The request a redirect asks for, or {@code null} when {@code r} is the response. */
    private Req redirect(RawResponse r) {
        Redirects policy = transport.config().redirects();
        if (!REDIRECTS.contains(r.status()) || policy.max() == 0) return null;
        String location = r.header("Location").orElse(null);
        if (location == null) return null;
        Req req = r.req();
        URI to;
        try {
            to = req.url().resolve(URI.create(location.replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (to.getHost() == null || !("http".equals(to.getScheme()) || "https".equals(to.getScheme()))) return null;
        boolean sameOrigin = Urls.sameOrigin(req.url(), to);
        if (!sameOrigin && !policy.crossOrigin()) return null;
        boolean toGet = r.status() == 303
                || (r.status() == 301 || r.status() == 302)
                        && !req.method().equals("GET")
                        && !req.method().equals("HEAD");
        if (!toGet && !req.body().replayable()) return null; // a streamed body cannot be sent again
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, String> h : req.headers()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!sameOrigin && ORIGIN_BOUND.contains(name)) continue;
            if (toGet && (name.equals("content-type") || name.equals("content-length"))) continue;
            headers.add(h);
        }
        String method = toGet && !req.method().equals("HEAD") ? "GET" : req.method();
        return req.redirected(to, method, toGet ? new Req.Empty() : req.body(), headers);
    }
}
