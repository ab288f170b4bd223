package dev.tulip.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client of {@code bench/sse.sh}, in its own JVM: opens {@code CLIENTS} event streams to
 * {@code SseBench} (a virtual thread and a plain socket each), then for each rate in {@code RATES}
 * asks the server to publish that many events a second, waits 3 s, and counts the events all
 * clients receive in {@code DURATION_SECONDS}. Prints one line per rate: delivered events per second, what
 * the rate would deliver, and the server's dropped subscribers.
 */
public final class SseLoad {
    private SseLoad() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8090"));
        int clients = Integer.parseInt(System.getenv().getOrDefault("CLIENTS", "1000"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("DURATION_SECONDS", "10"));
        String[] rates = System.getenv().getOrDefault("RATES", "100 1000 5000").split(" ");
        LongAdder events = new LongAdder();
        CountDownLatch open = new CountDownLatch(clients);
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Socket s = new Socket("127.0.0.1", port);
            sockets.add(s);
            Thread.ofVirtual().start(() -> read(s, open, events));
        }
        if (!open.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("streams did not open within 60 s");
        System.out.println("clients " + clients + " open; " + stats(port));
        for (String r : rates) {
            long rate = Long.parseLong(r);
            post(port, "/rate/" + rate);
            Thread.sleep(3000); // settle
            long before = events.sum();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long got = events.sum() - before;
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "rate %d/s x %d clients: delivered %.0f events/s (offered %d/s, %.1f%%); %s%n",
                    rate, clients, got / secs, rate * clients, 100.0 * got / secs / (rate * clients), stats(port));
        }
        post(port, "/rate/0");
        for (Socket s : sockets) s.close();
    }

    /** Reads one stream: counts events (a blank line after a field ends one). */
    private static void read(Socket s, CountDownLatch open, LongAdder events) {
        try (s) {
            OutputStream out = s.getOutputStream();
            out.write("GET /events HTTP/1.1\r\nHost: bench\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[16384];
            boolean headDone = false;
            int prev = 0;
            int prev2 = 0;
            int prev3 = 0;
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                long count = 0;
                for (int i = 0; i < n; i++) {
                    int b = buf[i];
                    if (!headDone) {
                        if (prev3 == '\r' && prev2 == '\n' && prev == '\r' && b == '\n') {
                            headDone = true;
                            open.countDown();
                        }
                    } else if (prev == '\n' && b == '\n') {
                        count++;
                    }
                    prev3 = prev2;
                    prev2 = prev;
                    prev = b;
                }
                if (count > 0) events.add(count);
            }
        } catch (IOException e) {
            // closed at the end
        }
    }

    private static void post(int port, String path) throws IOException {
        request(port, "POST " + path + " HTTP/1.1\r\nHost: bench\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    private static String stats(int port) throws IOException {
        String r = request(port, "GET /stats HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n");
        return r.substring(r.indexOf("\r\n\r\n") + 4);
    }

    private static String request(int port, String request) throws IOException {
        try (Socket s = new Socket(URI.create("http://127.0.0.1").getHost(), port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
