package dev.tulip.ws;

import dev.tulip.Request;
import dev.tulip.async.DeadlineExceededException;
import dev.tulip.spi.UpgradedConnection;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A websocket's state shared by its handler's thread (and any sender) and its event loop
 * ({@link FrameHandler}): the inbox, the count of queued outbound bytes, and how it ended. One
 * lock guards it; the loop only ever holds it briefly.
 */
final class Session implements WebSocket {
    static final Logger LOG = LoggerFactory.getLogger("dev.tulip.ws");

    /** What a non-blocking send did. */
    enum Offer {
        SENT,
        FULL,
        CLOSED
    }

    private final Request request;
    private final Channel channel;
    private final Settings settings;
    private final Optional<String> subprotocol;
    private FrameHandler io;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Message> inbox = new ArrayDeque<>();
    private final List<Runnable> onClose = new ArrayList<>(1);
    private WebSocketClosedException end; // set once: the inbox gets nothing more, receive throws it once empty
    private long queued;
    private boolean readingPaused;

    private Session(Request request, Channel channel, Settings settings, Optional<String> subprotocol) {
        this.request = request;
        this.channel = channel;
        this.settings = settings;
        this.subprotocol = subprotocol;
    }

    /** Takes over the connection after the 101 (on its loop) and starts the handler's thread. */
    static void open(UpgradedConnection conn, Settings s, Optional<String> protocol, WebSocketHandler handler) {
        Session session = new Session(conn.request(), conn.channel(), s, protocol);
        session.io = new FrameHandler(session, s);
        conn.channel().pipeline().addLast("websocket", session.io);
        conn.onDrain(() -> session.close(1001, "the server is shutting down"));
        session.io.feed(conn.takeBufferedInput());
        Thread.ofVirtual().name("tulip-ws " + conn.request().path()).start(() -> session.run(handler));
    }

    private void run(WebSocketHandler handler) {
        try {
            handler.handle(this);
            close(1000, "");
        } catch (WebSocketClosedException e) {
            close(1000, ""); // a send after the end: nothing more to say
        } catch (InterruptedException e) {
            close(1001, "the handler was interrupted");
        } catch (Throwable t) {
            LOG.error("websocket handler for {} failed", request.path(), t);
            close(1011, "internal error");
        }
    }

    @Override
    public Request request() {
        return request;
    }

    @Override
    public Optional<String> subprotocol() {
        return subprotocol;
    }

    @Override
    public Message receive() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inbox.isEmpty()) {
                if (end != null) throw new WebSocketClosedException(end.code(), end.reason());
                changed.await();
            }
            Message m = inbox.poll();
            if (readingPaused && inbox.size() <= settings.inboundQueue() / 2) {
                readingPaused = false;
                channel.eventLoop().execute(io::resume);
            }
            return m;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Iterator<Message> iterator() {
        return new Iterator<>() {
            private Message next;

            @Override
            public boolean hasNext() {
                if (next != null) return true;
                try {
                    next = receive();
                    return true;
                } catch (WebSocketClosedException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            @Override
            public Message next() {
                if (!hasNext()) throw new NoSuchElementException("the websocket is closed");
                Message m = next;
                next = null;
                return m;
            }
        };
    }

    @Override
    public void send(String text) throws InterruptedException {
        send(Frames.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void send(byte[] data) throws InterruptedException {
        send(Frames.BINARY, data.clone());
    }

    private void send(int opcode, byte[] payload) throws InterruptedException {
        reserve(payload.length);
        write(Frames.frame(opcode, payload), payload.length);
    }

    /** Takes {@code n} bytes of the outbound queue, waiting (or failing) while it is full. */
    private void reserve(int n) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long wait = settings.sendTimeout().toNanos();
            while (true) {
                if (end != null) throw new WebSocketClosedException(end.code(), end.reason());
                if (queued == 0 || queued + n <= settings.outboundQueue()) break;
                if (settings.failWhenFull()) throw new SendQueueFullException(n, queued, settings.outboundQueue());
                if (wait <= 0)
                    throw new DeadlineExceededException(
                            "a websocket send (the client reads too slowly)", settings.sendTimeout());
                wait = changed.awaitNanos(wait);
            }
            queued += n;
        } finally {
            lock.unlock();
        }
    }

    /** Sends {@code frame} (a shared buffer, retained here) unless the queue is full or the websocket closed. */
    Offer offer(ByteBuf frame, int n) {
        lock.lock();
        try {
            if (end != null) return Offer.CLOSED;
            if (queued > 0 && queued + n > settings.outboundQueue()) return Offer.FULL;
            queued += n;
        } finally {
            lock.unlock();
        }
        write(frame.retainedDuplicate(), n);
        return Offer.SENT;
    }

    private void write(ByteBuf frame, int n) {
        channel.writeAndFlush(frame).addListener(f -> released(n));
    }

    private void released(int n) {
        lock.lock();
        try {
            queued -= n;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close(int code, String reason) {
        if (!Frames.validCloseCode(code))
            throw new IllegalArgumentException("close code must be 1000-1003, 1007-1014 or 3000-4999, was " + code);
        if (reason.getBytes(StandardCharsets.UTF_8).length > Frames.MAX_REASON)
            throw new IllegalArgumentException("a close reason is at most 123 bytes of UTF-8");
        if (ended(code, reason)) channel.eventLoop().execute(() -> io.sendClose(code, reason));
    }

    /** Ends the websocket with {@code code} unless it had ended; returns whether this call ended it. */
    boolean ended(int code, String reason) {
        List<Runnable> listeners;
        lock.lock();
        try {
            if (end != null) return false;
            end = new WebSocketClosedException(code, reason);
            changed.signalAll();
            listeners = List.copyOf(onClose);
            onClose.clear();
        } finally {
            lock.unlock();
        }
        for (Runnable r : listeners) r.run();
        return true;
    }

    /** Runs {@code action} once the websocket ends (at once if it has). */
    void onClose(Runnable action) {
        lock.lock();
        try {
            if (end == null) {
                onClose.add(action);
                return;
            }
        } finally {
            lock.unlock();
        }
        action.run();
    }

    /** A message from the loop; returns whether the inbox is now full (the loop stops reading). */
    boolean deliver(Message m) {
        lock.lock();
        try {
            if (end != null) return false; // the server closed: what the client still sends is dropped
            inbox.add(m);
            changed.signalAll();
            if (inbox.size() >= settings.inboundQueue()) readingPaused = true;
            return readingPaused;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isOpen() {
        lock.lock();
        try {
            return end == null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<WebSocketClosedException> closeStatus() {
        lock.lock();
        try {
            return Optional.ofNullable(end);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long queuedBytes() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "WebSocket " + request.path() + " from " + request.remoteAddress();
    }
}
