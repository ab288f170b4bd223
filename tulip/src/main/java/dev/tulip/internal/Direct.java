package dev.tulip.internal;

import dev.tulip.Response;
import dev.tulip.spi.InProcess;
import dev.tulip.spi.RequestEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link InProcess}: requests through an app's engine on the calling thread, no socket. */
public final class Direct implements InProcess {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 0);

    private final Engine engine;
    private final Runnable stop;
    private volatile boolean closed;

    public Direct(Engine engine, Runnable stop) {
        this.engine = engine;
        this.stop = stop;
    }

    @Override
    public Result send(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
        if (closed) throw new IllegalStateException("the app was stopped; start a new one to send requests");
        long start = System.nanoTime();
        HeaderList h = new HeaderList();
        for (var e : headers) h.add(e.getKey(), e.getValue());
        if (body != null && !h.contains("Content-Length")) h.set("Content-Length", Integer.toString(body.length));
        ServerRequest req =
                new ServerRequest(method, target, "HTTP/1.1", h, body, LOCAL, engine.context(), engine.mapper());
        Dispatcher d = engine.dispatcher();
        Prepared p = d.invokeBlocking(d.resolve(req), req);
        byte[] out = p.body();
        if (p.stream() != null) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                p.stream().writeTo(buf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = buf.toByteArray();
        }
        if (p.file() != null) out = read(p.file());
        if (method.equals("HEAD")) out = Prepared.EMPTY;
        if (engine.observers().any()) {
            engine.observers()
                    .emit(new RequestEvent(
                            method,
                            target,
                            req.route(),
                            p.response().status(),
                            out.length,
                            System.nanoTime() - start,
                            p.upgrade() != null ? RequestEvent.Outcome.UPGRADED : RequestEvent.Outcome.SENT,
                            Optional.of(LOCAL),
                            d.results().requestIds() ? Optional.of(req.id()) : Optional.empty()));
        }
        return new Result(p.response(), out);
    }

    /** The bytes of a file body, read as the server would send them. */
    private static byte[] read(Response.Body.File f) {
        try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(f.length()));
            while (buf.hasRemaining()) {
                if (ch.read(buf, f.offset() + buf.position()) < 0)
                    throw new IOException(f.path() + " is shorter than the " + f.length() + " bytes to send");
            }
            return buf.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        stop.run();
    }
}
