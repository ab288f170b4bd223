package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Clients that ignore readiness and keep opening connections while the server stops, with no
 * lame-duck phase: each one gets its response or is refused before it sent anything; none is
 * reset after its request went out (what closing a listener with a full accept queue does).
 */
class ListenerCloseIT {

    @Test
    void noRequestSentOnANewConnectionIsResetWhenTheListenerCloses() throws Exception {
        int answered = 0, lost = 0;
        for (int round = 0; round < 5; round++) {
            Tulip app = Tulip.create(c -> c.port(0).lameDuck(java.time.Duration.ZERO));
            app.get("/", req -> "ok");
            app.start();
            InetSocketAddress at = new InetSocketAddress("127.0.0.1", app.port());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger(), reset = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++)
                clients.add(Thread.ofPlatform().start(() -> {
                    while (!stop.get()) {
                        switch (once(at)) {
                            case OK -> ok.incrementAndGet();
                            case LOST -> reset.incrementAndGet();
                            case REFUSED -> {
                                if (!stop.get()) sleepQuietly();
                            }
                        }
                    }
                }));
            Thread.sleep(300);
            app.stop();
            Thread.sleep(200);
            stop.set(true);
            for (Thread t : clients) t.join(10_000);
            answered += ok.get();
            lost += reset.get();
        }
        assertThat(answered).isGreaterThan(100);
        assertThat(lost)
                .as("requests reset after they were sent, of %d answered", answered)
                .isZero();
    }

    enum Outcome {
        OK,
        REFUSED,
        LOST
    }

    private static Outcome once(InetSocketAddress at) {
        try (Socket s = new Socket()) {
            try {
                s.connect(at, 2000);
            } catch (ConnectException | SocketTimeoutException e) {
                return Outcome.REFUSED; // nothing sent: safe to retry elsewhere
            }
            s.setSoTimeout(5000);
            try {
                OutputStream out = s.getOutputStream();
                out.write("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] head = in.readNBytes(12);
                return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 ") ? Outcome.OK : Outcome.LOST;
            } catch (IOException e) {
                return Outcome.LOST;
            }
        } catch (IOException e) {
            return Outcome.LOST;
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
