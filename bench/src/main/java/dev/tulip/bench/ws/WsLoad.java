package dev.tulip.bench.ws;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The websocket load client of {@code bench/ws.sh}, in its own process: plain sockets on virtual
 * threads, each connection with one message in flight.
 *
 * <pre>
 * WsLoad echo PORT CONNECTIONS WARMUP_S SECONDS SIZE   round trips per second
 * WsLoad idle PORT COUNT                               opens COUNT websockets, prints OPEN, holds until stdin closes
 * </pre>
 */
public final class WsLoad {
    private WsLoad() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "echo" ->
                echo(
                        port,
                        Integer.parseInt(args[2]),
                        Integer.parseInt(args[3]),
                        Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]));
            case "idle" -> idle(port, Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("echo or idle, not " + args[0]);
        }
    }

    private static void echo(int port, int connections, int warmup, int seconds, int size) throws Exception {
        byte[] payload = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
        LongAdder trips = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        CountDownLatch open = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try (Conn c = Conn.open(port)) {
                    open.countDown();
                    while (running.get()) {
                        c.sendText(payload);
                        if (c.readFrame() != payload.length) throw new IllegalStateException("bad echo");
                        trips.increment();
                    }
                } catch (IOException e) {
                    if (running.get()) throw new IllegalStateException(e);
                }
            }));
        }
        open.await();
        Thread.sleep(warmup * 1000L);
        long start = System.nanoTime();
        long before = trips.sum();
        Thread.sleep(seconds * 1000L);
        long n = trips.sum() - before;
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        System.out.printf(
                "echo connections=%d size=%d seconds=%.1f round_trips=%d per_second=%.0f%n",
                connections, size, elapsed, n, n / elapsed);
        System.exit(0);
    }

    private static void idle(int port, int count) throws Exception {
        List<Conn> conns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) conns.add(Conn.open(port));
        // every one answers: the server really holds them all
        for (Conn c : conns) c.sendText(new byte[] {'x'});
        for (Conn c : conns) c.readFrame();
        System.out.println("OPEN " + conns.size());
        System.out.flush();
        while (System.in.read() >= 0) {}
        for (Conn c : conns) c.close();
    }

    /** One websocket over a plain socket: masked frames out, the server's frames in. */
    private static final class Conn implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final DataInputStream in;

        private Conn(Socket s) throws IOException {
            this.socket = s;
            this.out = s.getOutputStream();
            this.in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
        }

        static Conn open(int port) throws IOException {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            Conn c = new Conn(s);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            c.out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                            + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                            + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            c.out.flush();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = c.in.read();
                if (b < 0) throw new IOException("closed during the handshake");
                head.write(b);
            }
            if (!head.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 101"))
                throw new IOException("handshake refused: " + head);
            return c;
        }

        void sendText(byte[] payload) throws IOException {
            byte[] f = new byte[payload.length + 14];
            int i = 0;
            f[i++] = (byte) 0x81;
            if (payload.length < 126) {
                f[i++] = (byte) (0x80 | payload.length);
            } else {
                f[i++] = (byte) (0x80 | 126);
                f[i++] = (byte) (payload.length >> 8);
                f[i++] = (byte) payload.length;
            }
            int mask = ThreadLocalRandom.current().nextInt();
            for (int k = 0; k < 4; k++) f[i++] = (byte) (mask >> (24 - 8 * k));
            for (int k = 0; k < payload.length; k++) f[i + k] = (byte) (payload[k] ^ f[i - 4 + (k & 3)]);
            out.write(f, 0, i + payload.length);
            out.flush();
        }

        /** Reads one frame (skipping pings); returns its payload length. */
        int readFrame() throws IOException {
            while (true) {
                int b0 = in.readUnsignedByte();
                int len = in.readUnsignedByte() & 0x7f;
                if (len == 126) len = in.readUnsignedShort();
                else if (len == 127) len = (int) in.readLong();
                in.skipNBytes(len);
                if ((b0 & 0x0f) != 0x9) return len;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
