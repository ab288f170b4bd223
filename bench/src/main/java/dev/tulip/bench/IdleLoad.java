package dev.tulip.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Idle keep-alive connections and slowloris clients against a server, with a probe measuring what
 * a normal client sees meanwhile (bench/idle.sh). Args: port, idle connections, slowloris
 * connections, seconds to hold. Prints one line of results. Each idle connection sends one
 * request, reads its answer and then holds the connection; each slowloris connection sends a
 * request line and then one header byte a second, never ending the head.
 */
public final class IdleLoad {
    private static final byte[] REQUEST =
            "GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int idle = Integer.parseInt(args[1]);
        int slow = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        var held = new ConcurrentLinkedQueue<Socket>();
        var opened = new AtomicInteger();
        var failed = new AtomicInteger();
        var ready = new CountDownLatch(idle);
        for (int i = 0; i < idle; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    Socket s = connect(port);
                    s.getOutputStream().write(REQUEST);
                    readResponse(s.getInputStream());
                    held.add(s);
                    opened.incrementAndGet();
                } catch (IOException e) {
                    failed.incrementAndGet();
                } finally {
                    ready.countDown();
                }
            });
            if (i % 500 == 499) Thread.sleep(20); // do not overflow the accept queue
        }
        ready.await(120, TimeUnit.SECONDS);
        long start = System.nanoTime();
        var slowClosed = new AtomicInteger();
        var slowClosedAfterMs = new ConcurrentLinkedQueue<Long>();
        for (int i = 0; i < slow; i++) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = connect(port)) {
                    OutputStream out = s.getOutputStream();
                    out.write("GET /plaintext HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    long t0 = System.nanoTime();
                    s.setSoTimeout(1000);
                    InputStream in = s.getInputStream();
                    while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                        out.write('X');
                        out.flush();
                        try {
                            if (in.read() < 0) throw new IOException("closed");
                            // the server answered (a 408): it closes next
                            slowClosed.incrementAndGet();
                            slowClosedAfterMs.add((System.nanoTime() - t0) / 1_000_000);
                            return;
                        } catch (java.net.SocketTimeoutException quiet) {
                            // a second without an answer: send the next byte
                        }
                    }
                } catch (IOException closed) {
                    slowClosed.incrementAndGet();
                }
            });
        }
        List<Long> latencies = new ArrayList<>();
        int probeErrors = 0;
        Socket probe = connect(port);
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            long t0 = System.nanoTime();
            try {
                probe.getOutputStream().write(REQUEST);
                readResponse(probe.getInputStream());
                latencies.add(System.nanoTime() - t0);
            } catch (IOException e) {
                probeErrors++;
                probe = connect(port);
            }
            Thread.sleep(10);
        }
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] after =
                slowClosedAfterMs.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "idle_opened=%d idle_failed=%d slowloris=%d slowloris_closed_by_server=%d slowloris_closed_after_ms_median=%d"
                        + " probe_requests=%d probe_errors=%d probe_p50_ms=%.2f probe_p99_ms=%.2f probe_max_ms=%.2f%n",
                opened.get(),
                failed.get(),
                slow,
                slowClosed.get(),
                after.length == 0 ? -1 : after[after.length / 2],
                l.length,
                probeErrors,
                pct(l, 0.50),
                pct(l, 0.99),
                l.length == 0 ? -1 : l[l.length - 1] / 1e6);
        System.out.flush();
        // hold the idle connections until the script has read the server's memory
        System.in.read();
        for (Socket s : held) s.close();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        s.setSoTimeout(30_000);
        return s;
    }

    /** Reads one response with a Content-Length body. */
    private static void readResponse(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed before the response ended");
            head.append((char) b);
        }
        String h = head.toString().toLowerCase();
        int at = h.indexOf("content-length:");
        int len = Integer.parseInt(h.substring(at + 15, h.indexOf('\r', at)).trim());
        if (in.readNBytes(len).length != len) throw new IOException("short body");
    }

    private IdleLoad() {}
}
