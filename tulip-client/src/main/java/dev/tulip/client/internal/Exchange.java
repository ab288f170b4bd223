package dev.tulip.client.internal;

import dev.tulip.client.ConnectionClosedException;
import dev.tulip.client.ReadTimeoutException;
import dev.tulip.client.TotalTimeoutException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request and its response on a leased connection. Everything but {@link #abort} and the body
 * pump runs on the connection's loop. The response completes at its end when {@code buffered}
 * (the body in memory), else at its head, the body following in a {@link BodyStream}. The
 * connection goes back to the pool once both the request and the response are complete.
 */
final class Exchange {
    private final Transport transport;
    private final Pool.Lease lease;
    private final Req req;
    private final boolean buffered;
    private final Channel ch;
    private final ExchangeHandler handler;
    final CompletableFuture<RawResponse> response = new CompletableFuture<>();
    private ScheduledFuture<?> readTimer;
    private long lastActivity;
    private final long deadline; // System.nanoTime() at which the call's total timeout ends
    private boolean timerPaused; // the reader of a streamed body is behind: the server is not to blame
    private boolean answered; // a byte of the response arrived
    private boolean informational; // inside a 1xx response, skipped
    private boolean requestSent;
    private boolean responseEnded;
    private boolean keepAlive = true;
    private boolean done;
    private RawResponse head;
    private ByteArrayOutputStream bytes;
    private BodyStream stream;

    Exchange(Transport transport, Pool.Lease lease, Req req, boolean buffered, long deadline) {
        this.deadline = deadline;
        this.transport = transport;
        this.lease = lease;
        this.req = req;
        this.buffered = buffered;
        this.ch = lease.channel();
        this.handler = ch.pipeline().get(ExchangeHandler.class);
    }

    Req req() {
        return req;
    }

    void start() {
        ch.eventLoop().execute(this::send);
    }

    private void send() {
        if (!ch.isActive() || handler == null) {
            fail(new NoResponseException("the connection closed before the request was sent"));
            return;
        }
        transport.started(this);
        handler.current(this);
        armReadTimer();
        HttpMethod method = HttpMethod.valueOf(req.method());
        String target = Urls.target(req.url());
        switch (req.body()) {
            case Req.Stream s -> {
                HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, target);
                headers(r.headers(), s.contentType());
                HttpUtil.setTransferEncodingChunked(r, true);
                ch.writeAndFlush(r).addListener(f -> {
                    if (!f.isSuccess()) fail(f.cause());
                });
                Thread.ofVirtual().name("tulip-client-upload").start(() -> new BodyPump(this, ch, s.in()).run());
            }
            case Req.Bytes b -> full(method, target, Unpooled.wrappedBuffer(b.data()), b.contentType());
            case Req.Empty e -> full(method, target, Unpooled.EMPTY_BUFFER, null);
        }
    }

    private void full(HttpMethod method, String target, ByteBuf body, String type) {
        var r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target, body);
        headers(r.headers(), type);
        if (body.isReadable()
                || method.equals(HttpMethod.POST)
                || method.equals(HttpMethod.PUT)
                || method.equals(HttpMethod.PATCH))
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        ch.writeAndFlush(r).addListener(f -> {
            if (f.isSuccess()) requestDone();
            else fail(f.cause());
        });
    }

    private void headers(HttpHeaders h, String contentType) {
        h.set(HttpHeaderNames.HOST, Urls.hostHeader(req.url()));
        if (contentType != null) h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        for (Map.Entry<String, String> e : req.headers()) {
            if (e.getKey().equalsIgnoreCase("Content-Type") || e.getKey().equalsIgnoreCase("Host"))
                h.set(e.getKey(), e.getValue());
            else h.add(e.getKey(), e.getValue());
        }
        if (h.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) keepAlive = false;
    }

    /** On the loop: the request's last byte was written. */
    void requestDone() {
        requestSent = true;
    }

    void read(HttpObject o) {
        try {
            if (done) return;
            answered = true;
            armReadTimer();
            if (o.decoderResult().isFailure()) {
                fail(new ConnectionClosedException(
                        "the server's response is not valid HTTP/1.1 ("
                                + o.decoderResult().cause().getMessage() + ")",
                        req.method(),
                        req.urlText(),
                        o.decoderResult().cause()));
                return;
            }
            if (o instanceof HttpResponse r) head(r);
            if (o instanceof HttpContent c && !informational) content(c);
            if (o instanceof LastHttpContent) {
                if (informational) informational = false;
                else end();
            }
        } finally {
            ReferenceCountUtil.release(o);
        }
    }

    private void head(HttpResponse r) {
        if (r.status().code() < 200) {
            informational = true; // 100 Continue, 103 Early Hints: the real response follows
            return;
        }
        keepAlive &= HttpUtil.isKeepAlive(r);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : r.headers().names())
            headers.put(name, List.copyOf(r.headers().getAll(name)));
        long length = HttpUtil.getContentLength(r, -1L);
        if (buffered) {
            if (length > transport.config().maxResponseSize()) {
                fail(tooBig());
                return;
            }
            head = new RawResponse(r.status().code(), headers, req, null, null);
            bytes = new ByteArrayOutputStream(length > 0 ? (int) length : 256);
        } else {
            stream = new BodyStream(this);
            head = new RawResponse(r.status().code(), headers, req, null, stream);
            response.complete(head);
        }
    }

    private ConnectionClosedException tooBig() {
        return new ConnectionClosedException(
                "the response body is larger than cfg.maxResponseSize ("
                        + transport.config().maxResponseSize() + " bytes); read it with stream() instead",
                req.method(),
                req.urlText(),
                null);
    }

    private void content(HttpContent c) {
        ByteBuf b = c.content();
        if (!b.isReadable()) return;
        if (buffered) {
            if (bytes.size() + (long) b.readableBytes() > transport.config().maxResponseSize()) {
                fail(tooBig());
                return;
            }
            byte[] chunk = new byte[b.readableBytes()];
            b.readBytes(chunk);
            bytes.write(chunk, 0, chunk.length);
        } else {
            byte[] chunk = new byte[b.readableBytes()];
            b.readBytes(chunk);
            if (stream.offer(chunk)) pause();
        }
    }

    private void end() {
        responseEnded = true;
        if (!requestSent) keepAlive = false; // answered before the body was sent: the rest cannot follow
        finish(); // the connection first, so the caller's next request finds it free
        if (buffered) response.complete(head.withBody(bytes.toByteArray()));
        else stream.end();
    }

    private void finish() {
        if (done) return;
        done = true;
        cancelReadTimer();
        handler.current(null);
        transport.ended(this);
        lease.pool().release(ch, keepAlive && !transport.isClosed());
    }

    /** The consumer of a streamed body is behind: stop reading from the socket. */
    private void pause() {
        ch.config().setAutoRead(false);
        timerPaused = true; // waiting for our reader, not for the server
    }

    /** From the body's reader: it caught up, read on. */
    void resume() {
        ch.eventLoop().execute(() -> {
            if (done || responseEnded || ch.config().isAutoRead()) return;
            timerPaused = false;
            armReadTimer();
            ch.config().setAutoRead(true);
        });
    }

    /** From the body's reader: it stopped before the end; the connection cannot be reused. */
    void cancel() {
        ch.eventLoop().execute(() -> {
            if (!done && !responseEnded)
                fail(new ConnectionClosedException(
                        "the response body was closed before its end", req.method(), req.urlText(), null));
        });
    }

    /** On the loop: the connection went away. */
    void closed() {
        if (done) return;
        if (!answered) fail(new NoResponseException("the server closed the connection before answering"));
        else
            fail(new ConnectionClosedException(
                    "the server closed the connection before the response was complete",
                    req.method(),
                    req.urlText(),
                    null));
    }

    /** Ends the exchange with {@code t} from any thread (the total timeout, the client's close). */
    void abort(Throwable t) {
        ch.eventLoop().execute(() -> fail(t));
    }

    /** On the loop: ends the exchange with {@code t} and closes the connection. */
    void fail(Throwable t) {
        if (done) return;
        done = true;
        cancelReadTimer();
        if (handler != null && handler.current() == this) handler.current(null);
        transport.ended(this);
        if (!response.completeExceptionally(t) && stream != null) stream.fail(t);
        lease.pool().release(ch, false);
    }

    /** From the pump: a chunk went out, so the connection is alive. */
    void progress() {
        ch.eventLoop().execute(() -> {
            if (!done && !timerPaused) armReadTimer();
        });
    }

    /**
     * Notes activity; the one timer of the exchange is scheduled once and, when it fires early,
     * rescheduled for what remains, so no read cancels and schedules a task.
     */
    private void armReadTimer() {
        lastActivity = System.nanoTime();
        if (readTimer == null) scheduleReadTimer(left(lastActivity));
    }

    private long left(long now) {
        return Math.min(lastActivity + transport.config().readTimeout().toNanos(), deadline) - now;
    }

    private void scheduleReadTimer(long nanos) {
        readTimer = ch.eventLoop().schedule(this::readTimerFired, nanos, TimeUnit.NANOSECONDS);
    }

    private void readTimerFired() {
        readTimer = null;
        if (done) return;
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            fail(new TotalTimeoutException(
                    "no complete response within the total timeout of "
                            + req.total().toMillis() + "ms",
                    req.method(),
                    req.urlText(),
                    null));
        } else if (timerPaused) {
            scheduleReadTimer(deadline - now); // only the total timeout runs while our reader is behind
        } else {
            long left = left(now);
            if (left > 0) scheduleReadTimer(left);
            else readTimedOut();
        }
    }

    private void cancelReadTimer() {
        if (readTimer != null) readTimer.cancel(false);
        readTimer = null;
    }

    private void readTimedOut() {
        fail(new ReadTimeoutException(
                "no response within the read timeout of "
                        + transport.config().readTimeout().toMillis() + "ms",
                req.method(),
                req.urlText(),
                null));
    }
}
