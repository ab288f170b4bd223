package dev.tulip.internal.http;

import dev.tulip.Headers;
import dev.tulip.RequestBodyException;
import dev.tulip.Response;
import dev.tulip.internal.BodyStream;
import dev.tulip.internal.Dispatcher;
import dev.tulip.internal.Durations;
import dev.tulip.internal.Engine;
import dev.tulip.internal.Log;
import dev.tulip.internal.Prepared;
import dev.tulip.internal.ServerRequest;
import dev.tulip.internal.Target;
import dev.tulip.spi.RequestEvent;
import dev.tulip.spi.RequestEvent.Outcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One HTTP/1.1 connection. Parses requests on the event loop, runs each handler inline
 * (non-blocking routes) or on a virtual thread, and writes responses strictly in request order:
 * pipelined requests may run concurrently, but a response waits until those before it are written.
 * All state is confined to the connection's event loop; handler threads hand results back through
 * the loop's {@link LoopBatch}. After a {@code 101} it only passes events on to the protocol that
 * took the connection over ({@link Takeover}).
 */
final class Connection extends ChannelInboundHandlerAdapter {
    private final HttpServer server;
    private final Engine engine;
    private final Dispatcher dispatcher;
    private final RequestParser parser;
    private final ArrayDeque<Exchange> queue = new ArrayDeque<>();
    private final Runnable flushTask = this::flushOut;
    private ChannelHandlerContext ctx;
    private EventLoop loop;
    private PerLoop perLoop;
    private LoopBatch batch;
    private InetSocketAddress remote;
    /** Unparsed input of a partial request; between reads only ever the connection's own buffer. */
    private ByteBuf input;
    /** Responses encoded but not yet handed to the channel: one buffer and one write per flush. */
    private ByteBuf out;

    private boolean reading;
    private boolean needsFlush;
    private boolean flushScheduled;
    private boolean paused;
    /** No more requests are read: the last queued response closes the connection. */
    private boolean closing;

    private boolean closed;
    private ChunkedBodyWriter streaming;
    /** A {@code 100 Continue} waits until the responses queued before it are written. */
    private boolean continueDeferred;
    /** A request asked for a protocol upgrade: what follows it is not parsed until its response is known. */
    private boolean upgradePending;
    /** Set once another protocol took the connection over. */
    private Takeover takeover;
    /** The streamed body being received, until its last byte arrives (or it fails or is dropped). */
    private BodyStream bodyIn;
    /** A streamed request waiting to be told {@code 100 Continue} once the responses before it are out. */
    private Exchange continueFor;
    /** The last literal route resolved on this connection, by the identity of its request target. */
    private String memoUri, memoMethod;

    private Target memoTarget;
    long lastActivityNanos;
    /** When the connection was accepted, and how many requests it has read. */
    private long acceptedNanos;

    private long requests;
    /** Draining began before this connection's first request: serve that one, then close. */
    private boolean firstRequestOnly;
    /** How long a new connection may take to send its first request once a drain began. */
    private static final long NEW_CONNECTION_GRACE_NANOS = 1_000_000_000L;
    /** Lingering after the response: set when an early error is answered. */
    private boolean lingerWanted;
    /** When lingering ends at the latest (System.nanoTime), 0 while not lingering. */
    private long lingerDeadline;
    /** Bytes discarded while lingering. */
    private long lingered;
    /** A lingering client quiet this long has sent all it meant to; closing then resets nothing. */
    private static final long LINGER_IDLE_NANOS = 1_000_000_000L;

    Connection(HttpServer server) {
        this.server = server;
        this.engine = server.engine();
        this.dispatcher = engine.dispatcher();
        this.parser = new RequestParser(server.config(), dispatcher::bodyRoute);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.loop = ctx.channel().eventLoop();
        this.remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a : null;
        this.lastActivityNanos = System.nanoTime();
        this.perLoop = server.perLoop(loop);
        this.batch = perLoop.batch;
        server.opened(this, perLoop);
        acceptedNanos = lastActivityNanos;
        // accepted just as the listener closed: its request is already on its way, so serve it
        if (server.draining()) firstRequestOnly = true;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        if (input != null) {
            if (!perLoop.isScratch(input)) input.release();
            input = null;
        }
        if (out != null) {
            out.release();
            out = null;
        }
        // The client is gone: cancel its handlers. A handler on a virtual thread keeps its slot of
        // the concurrency limit until it has really ended, so disconnecting cannot get past the limit.
        for (Exchange ex : queue) {
            Thread t = ex.thread;
            if (t != null) t.interrupt();
            else if (!ex.done) release(ex); // a pending CompletionStage cannot be stopped
            if (ex.done) observe(ex, Outcome.CLIENT_GONE, 0);
        }
        if (streaming != null) streaming.abort();
        if (bodyIn != null) {
            bodyIn.fail(new RequestBodyException(400, "the client closed the connection before the body ended"));
            bodyIn = null;
        }
        server.closed(this, perLoop);
        if (takeover != null) ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (takeover != null) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!(msg instanceof ByteBuf in) || closed || (closing && bodyIn == null)) {
            if (lingerDeadline != 0 && msg instanceof ByteBuf discarded) {
                lingered += discarded.readableBytes();
                lastActivityNanos = System.nanoTime();
                if (lingered > server.config().lingerMaxBytes()) ctx.close();
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        reading = true;
        lastActivityNanos = System.nanoTime();
        // The parser scans a heap array: one copy per read, then plain array loops. Most reads hold
        // whole requests, so they go through the loop's shared buffer; only a partial request left
        // at the end of a read is kept in a buffer of the connection's own.
        if (input != null) {
            input.writeBytes(in);
            in.release();
            parseOwnInput();
            return;
        }
        ByteBuf scratch = perLoop.scratchInput(in.readableBytes());
        scratch.writeBytes(in);
        in.release();
        input = scratch;
        parseAll();
        if (input != null && input.isReadable()) {
            ByteBuf own = ctx.alloc().heapBuffer(Math.max(2048, input.readableBytes()));
            own.writeBytes(input);
            input = own;
        } else {
            input = null;
        }
    }

    /** Parses the connection's own input buffer and releases it once it is consumed. */
    private void parseOwnInput() {
        parseAll();
        if (input == null) return;
        if (input.isReadable()) {
            input.discardSomeReadBytes();
        } else {
            input.release();
            input = null;
        }
    }

    private void parseAll() {
        while (input != null && (!closing || bodyIn != null) && !paused && !upgradePending && input.isReadable()) {
            if (bodyIn != null && bodyIn.full()) {
                updateReading(ctx.channel().isWritable()); // the handler has not taken what came: stop reading
                return;
            }
            // plain tests, not a pattern switch: its first run links bootstrap methods (over 200 ms
            // on a loaded machine), and that first run is on the event loop, at the first request
            RequestParser.Event e = parser.parse(input);
            if (e instanceof RequestParser.Chunk c) {
                onChunk(c);
            } else if (e instanceof RequestParser.Parsed p) {
                onRequest(p);
            } else if (e instanceof RequestParser.Failure f) {
                onFailure(f);
            } else if (e == RequestParser.Signal.CONTINUE) {
                if (queue.isEmpty()) writeNow(ResponseEncoder.CONTINUE);
                else continueDeferred = true;
            } else {
                return; // NEED_MORE
            }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (takeover != null) {
            ctx.fireChannelReadComplete();
            return;
        }
        reading = false;
        if (needsFlush) {
            needsFlush = false;
            flushOut();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (takeover != null) {
            ctx.fireChannelWritabilityChanged();
            return;
        }
        boolean writable = ctx.channel().isWritable();
        if (streaming != null) streaming.writabilityChanged();
        updateReading(writable);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (takeover != null) ctx.fireUserEventTriggered(evt);
        else ReferenceCountUtil.release(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (takeover != null) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        Log.TULIP.debug("connection from {} failed", remote, cause);
        ctx.close();
    }

    // ---- requests ------------------------------------------------------------------------------

    private void onRequest(RequestParser.Parsed p) {
        continueDeferred = false;
        StreamFeed feed = null;
        ServerRequest req;
        if (p.streamed()) {
            feed = new StreamFeed(p.expectContinue());
            bodyIn = new BodyStream(feed);
            req = new ServerRequest(
                    p.method(), p.uri(), p.version(), p.headers(), bodyIn, remote, engine.context(), engine.mapper());
        } else {
            req = new ServerRequest(
                    p.method(), p.uri(), p.version(), p.headers(), p.body(), remote, engine.context(), engine.mapper());
        }
        Exchange ex = new Exchange(req, p.keepAlive(), p.http10KeepAlive(), System.nanoTime());
        if (feed != null) feed.exchange = ex;
        queue.add(ex);
        requests++;
        if (!p.keepAlive() || server.lameDuck() || server.draining()) closing = true;
        if (ex.upgrade) upgradePending = true;
        updateReading(ctx.channel().isWritable());
        if (!server.admit()) {
            ex.outcome = Outcome.SHED;
            complete(ex, dispatcher.results().error(503, "server is at capacity; retry shortly", "Retry-After", "1"));
            return;
        }
        ex.admitted = true;
        Target target;
        if (req.uri() == memoUri && req.method() == memoMethod) {
            target = memoTarget; // the parser reuses the String of a repeated target, so identity means "same path"
            req.routed(target.route(), null, null);
        } else {
            target = dispatcher.resolve(req);
            boolean memo = target.literal();
            memoUri = memo ? req.uri() : null;
            memoMethod = memo ? req.method() : null;
            memoTarget = memo ? target : null;
        }
        if (target.timeoutNanos() >= 0) ex.timeoutNanos = target.timeoutNanos();
        if (target.nonBlocking()) {
            finish(ex, dispatcher.invokeInline(target, req));
        } else {
            Thread t = server.handlerThreads().newThread(() -> runVirtual(ex, target));
            ex.thread = t;
            ex.wake = batch.start(t);
        }
    }

    private void onFailure(RequestParser.Failure f) {
        lingerWanted = true; // the client may be sending the rest of what was refused
        closing = true;
        continueDeferred = false;
        if (bodyIn != null) {
            // a streamed body failed under its handler: the handler's read throws, its answer goes out
            bodyIn.fail(new RequestBodyException(f.status(), f.message()));
            bodyIn = null;
            return;
        }
        Exchange ex = Exchange.rejected(System.nanoTime());
        queue.add(ex);
        complete(ex, dispatcher.results().error(f.status(), f.message()));
    }

    private void finish(Exchange ex, Object result) {
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((value, error) -> {
                Object next = error != null ? dispatcher.errors().handle(error, ex.request) : value;
                if (loop.inEventLoop()) finish(ex, next);
                else onLoop(() -> finish(ex, next));
            });
            return;
        }
        complete(ex, dispatcher.results().prepare(result, ex.request));
    }

    private void runVirtual(Exchange ex, Target target) {
        Prepared p = dispatcher.invokeBlocking(target, ex.request);
        ex.thread = null;
        if (!batch.post(() -> complete(ex, p), ex.wake))
            Log.TULIP.debug("event loop stopped; dropping the result for a cut connection");
    }

    /** Hands {@code task} to the connection's loop; dropped if the app already stopped (the connection was cut). */
    private void onLoop(Runnable task) {
        if (!batch.post(task)) Log.TULIP.debug("event loop stopped; dropping the result for a cut connection");
    }

    /** Records the response of {@code ex} and writes every response that is now next in line. */
    void complete(Exchange ex, Prepared p) {
        if (ex.done) return; // already answered (timed out or cut)
        ex.done = true;
        ex.prepared = p;
        release(ex);
        if (closed) {
            observe(ex, Outcome.CLIENT_GONE, 0);
            return;
        }
        // streams are observed when they end, upgrades when the connection is taken over
        if ((p.stream() == null || ex.head) && p.upgrade() == null) observe(ex, ex.outcome, ex.head ? 0 : p.length());
        writeReady();
    }

    private void observe(Exchange ex, Outcome outcome, long bytes) {
        if (ex.observed || !engine.observers().any()) return;
        ex.observed = true;
        ServerRequest r = ex.request;
        engine.observers()
                .emit(new RequestEvent(
                        r == null ? "-" : r.method(),
                        r == null ? "-" : r.uri(),
                        r == null ? Optional.empty() : r.route(),
                        ex.prepared == null ? 503 : ex.prepared.response().status(),
                        bytes,
                        System.nanoTime() - ex.startNanos,
                        outcome,
                        Optional.ofNullable(remote),
                        r != null && dispatcher.results().requestIds() ? Optional.of(r.id()) : Optional.empty()));
    }

    private void release(Exchange ex) {
        if (ex.admitted) {
            ex.admitted = false;
            server.release();
        }
    }

    private void writeReady() {
        Exchange ex;
        while (streaming == null && takeover == null && !closed && (ex = queue.peek()) != null && ex.done) {
            queue.poll();
            Prepared p = ex.prepared;
            if (p.stream() == null && p.upgrade() == null) abandonBody(ex);
            boolean close = !ex.keepAlive || (closing && queue.isEmpty());
            if (p.upgrade() != null) {
                takeOver(ex, p);
                return;
            }
            if (ex.upgrade) upgradePending = false; // answered without an upgrade: updateReading parses on
            Response.Body.File file = p.file();
            if (file != null && !ResponseEncoder.hasNoBody(p.response().status())) {
                if (writeFile(ex, p, file, close)) {
                    if (close) {
                        closeAfterOut();
                        return;
                    }
                    scheduleFlush();
                    continue;
                }
                p = new Prepared(p.response(), null, FileBody.copy(file)); // streamed: gzipped, or not a socket
            }
            boolean chunked = !ex.http10(); // HTTP/1.0 knows no chunked coding
            if (p.stream() != null
                    && !ex.head
                    && !ResponseEncoder.hasNoBody(p.response().status())) {
                if (!chunked && !close) { // the body ends with the connection
                    close = true;
                    closing = true;
                }
                startStream(ex, p, close, chunked);
                return;
            }
            boolean keepAlive10 = ex.http10KeepAlive && !close;
            if (p.stream() != null) server.encoder().encodeStreamHead(out(), p.response(), chunked, close, keepAlive10);
            else server.encoder().encode(out(), p, ex.head, close, keepAlive10, requestHeaders(ex));
            if (close) {
                closeAfterOut();
                return;
            }
            scheduleFlush();
        }
        if (closed || takeover != null) return;
        if (continueFor != null && queue.peek() == continueFor && streaming == null) {
            continueFor = null;
            writeNow(ResponseEncoder.CONTINUE);
        }
        if (continueDeferred && queue.isEmpty() && streaming == null) {
            continueDeferred = false;
            writeNow(ResponseEncoder.CONTINUE);
        }
        lastActivityNanos = System.nanoTime();
        updateReading(ctx.channel().isWritable());
        if (closing && queue.isEmpty() && streaming == null && server.draining()) closeAfterOut();
    }

    /**
     * Writes the head of a file body and the file as a region after it (zero-copy); false, writing
     * nothing, when the file must be streamed instead (gzipped on the fly, or the channel is not a
     * socket). The region counts toward the channel's pending bytes, so reading pauses while it is sent.
     */
    private boolean writeFile(Exchange ex, Prepared p, Response.Body.File file, boolean close) {
        if (!ex.head && !FileBody.zeroCopy(ctx.channel())) return false;
        boolean keepAlive10 = ex.http10KeepAlive && !close;
        if (!server.encoder()
                .encodeFileHead(out(), p.response(), file.length(), ex.head, close, keepAlive10, requestHeaders(ex)))
            return false;
        if (!ex.head && file.length() > 0) {
            flushOut(); // the head and the responses before it, then the file
            ctx.writeAndFlush(FileBody.region(file), ctx.voidPromise());
        }
        return true;
    }

    /** The headers of the request {@code ex} answers, for the encoder's compression; null for an unread request. */
    private static Headers requestHeaders(Exchange ex) {
        return ex.request == null ? null : ex.request.headers();
    }

    private ByteBuf out() {
        ByteBuf b = out;
        if (b == null) out = b = ctx.alloc().ioBuffer(4096);
        return b;
    }

    /** Flushes at the end of the current read, or else at the end of this event-loop iteration, once. */
    private void scheduleFlush() {
        if (reading) {
            needsFlush = true;
        } else if (!flushScheduled) {
            flushScheduled = true;
            if (loop instanceof SingleThreadEventLoop st) st.executeAfterEventLoopIteration(flushTask);
            else loop.execute(flushTask);
        }
    }

    private void flushOut() {
        flushScheduled = false;
        ByteBuf b = out;
        if (b == null) return;
        out = null;
        if (closed) b.release();
        else ctx.writeAndFlush(b, ctx.voidPromise());
    }

    private void writeNow(byte[] bytes) {
        out().writeBytes(bytes);
        flushOut();
    }

    /**
     * Writes what is pending, then closes; lingers first when the client may still be sending
     * (an early error, or input not read yet), since closing with unread input makes the kernel
     * send a reset that can destroy the response before the client reads it.
     */
    private void closeAfterOut() {
        boolean linger = lingerWanted || (input != null && input.isReadable()) || parser.inBody();
        closing = true;
        parser.kill();
        ByteBuf b = out;
        out = null;
        var written = ctx.writeAndFlush(b != null ? b : Unpooled.EMPTY_BUFFER);
        if (!linger || server.config().lingerTimeout().isZero() || !(ctx.channel() instanceof DuplexChannel duplex)) {
            written.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        written.addListener(f -> {
            if (!f.isSuccess() || closed) {
                ctx.close();
                return;
            }
            // FIN after the response, then read and discard until the client closes, goes quiet, or
            // the time or byte budget is spent (swept in sweep())
            duplex.shutdownOutput();
            lingerDeadline = System.nanoTime() + server.config().lingerTimeout().toNanos();
            lastActivityNanos = System.nanoTime();
            ctx.channel().config().setAutoRead(true);
        });
    }

    /** Whether a lingering connection has had its time, its bytes or its quiet second. */
    private boolean lingerOver(long now) {
        return now > lingerDeadline
                || now - lastActivityNanos > LINGER_IDLE_NANOS
                || lingered > server.config().lingerMaxBytes();
    }

    /**
     * Reads while the queue is short, no upgrade is pending, the socket drains and a streamed body's
     * handler keeps up; stops otherwise (back-pressure).
     */
    private void updateReading(boolean writable) {
        boolean shouldPause = queue.size() >= server.config().maxPipelined()
                || !writable
                || upgradePending
                || (bodyIn != null && bodyIn.full());
        if (shouldPause && !paused) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
        } else if (!shouldPause && paused && (!closing || bodyIn != null)) {
            paused = false;
            ctx.channel().config().setAutoRead(true);
            if (input != null && input.isReadable()) loop.execute(this::parseOwnInput);
        }
    }

    // ---- streamed request bodies ---------------------------------------------------------------

    private void onChunk(RequestParser.Chunk c) {
        BodyStream s = bodyIn;
        if (s == null) return; // dropped: its response went out
        s.offer(c.data());
        if (c.last()) {
            s.end();
            bodyIn = null;
            updateReading(ctx.channel().isWritable());
        }
    }

    /**
     * The response of {@code ex} goes out before its streamed body arrived in full: the rest is
     * dropped, and the connection closes after the response (lingering, so the unread upload does
     * not reset it). Returns whether that happened.
     */
    private boolean abandonBody(Exchange ex) {
        BodyStream s = ex.request == null ? null : ex.request.streamedBody();
        if (s == null || s != bodyIn) return false;
        s.abandon();
        bodyIn = null;
        closing = true;
        lingerWanted = true;
        parser.kill();
        if (continueFor == ex) continueFor = null;
        return true;
    }

    /** What a streamed body asks of its connection; every call lands on the connection's loop. */
    private final class StreamFeed implements BodyStream.Feed {
        private final boolean expectContinue;
        Exchange exchange;

        StreamFeed(boolean expectContinue) {
            this.expectContinue = expectContinue;
        }

        @Override
        public void resume() {
            execute(() -> {
                if (!closed && takeover == null) updateReading(ctx.channel().isWritable());
            });
        }

        @Override
        public void firstDemand() {
            if (!expectContinue) return;
            execute(() -> {
                Exchange ex = exchange;
                if (closed || ex.done || bodyIn != ex.request.streamedBody()) return;
                if (queue.peek() == ex && streaming == null) writeNow(ResponseEncoder.CONTINUE);
                else continueFor = ex; // after the responses before it (writeReady)
            });
        }

        @Override
        public void execute(Runnable task) {
            onLoop(task);
        }

        @Override
        public boolean inLoop() {
            return loop.inEventLoop();
        }
    }

    // ---- protocol upgrade ----------------------------------------------------------------------

    private void takeOver(Exchange ex, Prepared p) {
        if (!ex.upgrade || !queue.isEmpty() || p.response().status() != 101) {
            Log.TULIP.error(
                    "{} {}: the handler answered with a protocol upgrade, but the request did not ask for one",
                    ex.request.method(),
                    ex.request.path());
            ex.prepared = dispatcher.results().error(500, "internal error");
            observe(ex, Outcome.SENT, ex.prepared.body().length);
            server.encoder().encode(out(), ex.prepared, false, true, false);
            closeAfterOut();
            return;
        }
        server.encoder().encodeUpgradeHead(out(), p.response());
        flushOut();
        parser.kill();
        ByteBuf rest = Unpooled.EMPTY_BUFFER;
        if (input != null) {
            if (input.isReadable())
                rest = ctx.alloc().heapBuffer(input.readableBytes()).writeBytes(input);
            if (!perLoop.isScratch(input)) input.release();
            input = null;
        }
        takeover = new Takeover(ex.request, ctx.channel(), rest);
        observe(ex, Outcome.UPGRADED, 0);
        paused = false;
        try {
            p.upgrade().takeOver(takeover);
        } catch (Throwable t) {
            Log.TULIP.error("{} {}: the protocol upgrade failed", ex.request.method(), ex.request.path(), t);
            ctx.close();
            return;
        }
        ctx.channel().config().setAutoRead(true);
    }

    // ---- streamed bodies -------------------------------------------------------------------------

    private void startStream(Exchange ex, Prepared p, boolean close, boolean chunked) {
        flushOut(); // the responses before this one
        ByteBuf head = ctx.alloc().ioBuffer(256);
        Gzip gzip = server.encoder()
                .encodeStreamHead(head, p.response(), chunked, close, ex.http10KeepAlive && !close, requestHeaders(ex));
        ChunkedBodyWriter writer = new ChunkedBodyWriter(ctx, chunked, gzip, head);
        streaming = writer;
        server.handlerThreads()
                .newThread(() -> {
                    Throwable error = null;
                    try {
                        p.stream().writeTo(writer);
                        writer.close();
                    } catch (Throwable t) {
                        error = t;
                    }
                    Throwable e = error;
                    // Straight onto the loop's queue, behind this thread's writes: the batch queue
                    // may run it early, before them, and the close would drop the body's tail.
                    try {
                        loop.execute(() -> streamDone(ex, writer, close, e));
                    } catch (java.util.concurrent.RejectedExecutionException stopped) {
                        Log.TULIP.debug("event loop stopped; a cut stream ends with its connection");
                    }
                })
                .start();
    }

    private void streamDone(Exchange ex, ChunkedBodyWriter writer, boolean close, Throwable error) {
        streaming = null;
        boolean abandoned = !closed && abandonBody(ex);
        if (closed) {
            writer.dropHead();
            observe(ex, Outcome.CLIENT_GONE, writer.written());
            return;
        }
        if (error != null && !writer.headSent()) {
            // nothing went out: the failure can still be told as a 500
            writer.dropHead();
            Log.TULIP.error(
                    "{} {}: the body writer failed before writing; answered 500",
                    ex.request.method(),
                    ex.request.path(),
                    error);
            ex.prepared = dispatcher.results().error(500, "internal error");
            observe(ex, Outcome.STREAM_FAILED, 0);
            server.encoder().encode(out(), ex.prepared, false, true, false);
            closeAfterOut();
            return;
        }
        if (error != null) {
            boolean clientLeft =
                    error instanceof java.io.IOException && !ctx.channel().isActive();
            observe(ex, clientLeft ? Outcome.CLIENT_GONE : Outcome.STREAM_FAILED, writer.written());
            if (!clientLeft) {
                Log.TULIP.error(
                        "{} {}: streaming the body failed; closing the connection",
                        ex.request.method(),
                        ex.request.path(),
                        error);
            }
            ctx.close();
            return;
        }
        observe(ex, Outcome.SENT, writer.written());
        if (close || abandoned) {
            closeAfterOut();
            return;
        }
        writeReady();
    }

    // ---- timeouts and shutdown (called on the loop by HttpServer) ----------------------------------

    /** Applies the head, idle and handler timeouts. */
    void sweep(long now) {
        if (lingerDeadline != 0 && !closed && lingerOver(now)) {
            ctx.close();
            return;
        }
        if (closed || takeover != null) return;
        if (firstRequestOnly
                && requests == 0
                && parser.headStartNanos() == 0
                && !parser.inBody()
                && now - acceptedNanos > NEW_CONNECTION_GRACE_NANOS) {
            ctx.close(); // no request came within the grace: nothing is lost by closing
            return;
        }
        var cfg = server.config();
        for (Exchange ex : queue.toArray(new Exchange[0])) { // a copy: complete() removes written exchanges
            long timeout = ex.timeoutNanos >= 0
                    ? ex.timeoutNanos
                    : cfg.handlerTimeout().toNanos();
            if (!ex.done && ex.admitted && now - ex.startNanos > timeout) {
                Thread t = ex.thread;
                String took = Durations.format(java.time.Duration.ofNanos(timeout));
                Log.TULIP.warn(
                        "{} {}: handler still running after {}; answered 503",
                        ex.request.method(),
                        ex.request.path(),
                        took);
                ex.outcome = Outcome.TIMED_OUT;
                complete(ex, dispatcher.results().error(503, "the handler did not finish within " + took));
                if (t != null) t.interrupt();
                if (closed) return;
            }
        }
        long head = parser.headStartNanos();
        boolean headLate = head != 0 && now - head > cfg.headTimeout().toNanos();
        boolean bodyStalled = parser.inBody()
                && (bodyIn == null || !bodyIn.full()) // a full stream waits for its handler, not the client
                && now - lastActivityNanos > cfg.headTimeout().toNanos();
        if ((headLate || bodyStalled) && !closing) {
            onFailure(new RequestParser.Failure(
                    408,
                    headLate
                            ? "request head not received within " + Durations.format(cfg.headTimeout())
                            : "request body stalled for " + Durations.format(cfg.headTimeout())));
            parser.kill();
            return;
        }
        if (queue.isEmpty()
                && streaming == null
                && head == 0
                && !parser.inBody()
                && now - lastActivityNanos > cfg.idleTimeout().toNanos()) {
            ctx.close();
        }
    }

    /** Begins the graceful drain: idle connections close now, busy ones after their last response. */
    void drain() {
        if (closed) return;
        if (takeover != null) {
            takeover.drain();
            return;
        }
        if (requests == 0 && System.nanoTime() - acceptedNanos < NEW_CONNECTION_GRACE_NANOS) {
            // accepted but its first request not read yet: not idle, its request is likely in flight;
            // serve that one request (with Connection: close), or close after the grace (sweep())
            firstRequestOnly = true;
            return;
        }
        closing = true;
        if (bodyIn != null) return; // a streamed body being received is read to its end (or the drain timeout)
        ctx.channel().config().setAutoRead(false);
        if (queue.isEmpty() && streaming == null) closeAfterOut(); // a response may still wait for its flush
    }

    /** Cuts the connection after the drain timeout; returns how many streamed responses it was still sending. */
    int cut() {
        int streams = streaming != null ? 1 : 0;
        if (streaming == null && !closed) {
            // nothing of these responses went out yet: answer each 503 with Connection: close (in
            // request order, through writeReady), so the client knows to retry rather than guess
            for (Exchange ex : queue.toArray(new Exchange[0])) {
                if (ex.done) continue;
                Thread t = ex.thread;
                ex.outcome = Outcome.CUT;
                complete(ex, dispatcher.results().error(503, "the server is shutting down; retry", "Retry-After", "1"));
                if (t != null) t.interrupt();
            }
            if (!closed && ctx.channel().isActive()) closeAfterOut();
            return 0;
        }
        for (Exchange ex : queue) {
            Thread t = ex.thread;
            if (t != null) t.interrupt();
            if (!ex.done) observe(ex, Outcome.CUT, 0);
        }
        if (streaming != null) streaming.abort();
        ctx.close();
        return streams;
    }
}
