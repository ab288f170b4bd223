package dev.tulip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The child process of {@link SignalShutdownIT}: {@code GET /hold} blocks until the line
 * {@code release} arrives on stdin; lifecycle events are printed to stdout, one per line
 * ({@code PORT n}, {@code HELD n}, {@code STOPPING}, {@code STOPPED}).
 */
public final class ShutdownTestApp {
    /** An app setting of this app's own, to test that run() reads them. */
    static final AppSetting<String> GREETING = AppSetting.string("greeting", "hello", "what the app says first");

    private ShutdownTestApp() {}

    public static void main(String[] args) {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        Thread.ofPlatform().daemon().name("stdin").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.trim().equals("release")) release.countDown();
                }
            } catch (IOException e) {
                // parent gone: nothing to release
            }
        });
        Tulip app = Tulip.create(c -> c.eventLoops(2)).declare(GREETING);
        app.put("/stuff/{key}", req -> "stored " + req.pathParam("key"));
        app.get("/hold", req -> {
            say("HELD " + held.incrementAndGet());
            release.await();
            return "released";
        });
        app.onAfterStart(ctx -> {
            say("GREETING " + ctx.config().get(GREETING) + " ARGS "
                    + ctx.config().arguments());
            say("PORT " + ctx.port());
        });
        app.onBeforeStop(ctx -> say("STOPPING"));
        app.onAfterStop(ctx -> say("STOPPED"));
        app.run(args);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
