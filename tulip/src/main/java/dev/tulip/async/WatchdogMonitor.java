package dev.tulip.async;

import dev.tulip.async.Watchdog.Blocked;
import dev.tulip.spi.EventLoops;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running part of a {@link Watchdog}: a heartbeat on every loop and one thread that checks them. */
final class WatchdogMonitor {
    static final Logger LOG = LoggerFactory.getLogger("dev.tulip.watchdog");

    /** One loop's last beat ({@link System#nanoTime}) and whether its current episode was reported. */
    private record Beat(Thread thread, AtomicLong last, AtomicLong reportedFor, ScheduledFuture<?> task) {}

    private final List<Beat> beats;
    private final long thresholdNanos;
    private final long tickNanos;
    private final Consumer<Blocked> report;
    private final Thread checker;

    private WatchdogMonitor(List<Beat> beats, Duration threshold, long tickNanos, Consumer<Blocked> report) {
        this.beats = beats;
        this.thresholdNanos = threshold.toNanos();
        this.tickNanos = tickNanos;
        this.report = report;
        this.checker = Thread.ofPlatform().daemon().name("tulip-watchdog").unstarted(this::check);
    }

    static WatchdogMonitor start(EventLoops loops, Duration threshold, Consumer<Blocked> report) throws Exception {
        long tick = threshold.toNanos() / 4;
        List<Beat> beats = new ArrayList<>();
        try {
            for (EventLoop loop : loops.loops()) {
                // the loop's thread is known only from inside it
                Thread thread = loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
                AtomicLong last = new AtomicLong(System.nanoTime());
                ScheduledFuture<?> task =
                        loop.scheduleAtFixedRate(() -> last.set(System.nanoTime()), tick, tick, TimeUnit.NANOSECONDS);
                beats.add(new Beat(thread, last, new AtomicLong(-1), task));
            }
        } catch (Exception e) {
            for (Beat b : beats) b.task().cancel(false);
            throw e;
        }
        WatchdogMonitor m = new WatchdogMonitor(beats, threshold, tick, report);
        m.checker.start();
        return m;
    }

    void stop() throws InterruptedException {
        checker.interrupt();
        checker.join(Duration.ofSeconds(5));
        for (Beat b : beats) b.task().cancel(false);
    }

    private void check() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                TimeUnit.NANOSECONDS.sleep(tickNanos);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Beat b : beats) {
                long last = b.last().get();
                // the beat after `last` was due one tick later; the loop has been busy since at least then
                long blocked = now - last - tickNanos;
                if (blocked <= thresholdNanos || b.reportedFor().get() == last) continue;
                b.reportedFor().set(last); // once per episode: the next report needs a newer beat
                List<StackTraceElement> stack = Arrays.asList(b.thread().getStackTrace());
                // a loop that beat while its stack was taken had moved on: that stack would mislead
                if (b.last().get() != last) stack = List.of();
                report.accept(new Blocked(b.thread().getName(), Duration.ofNanos(blocked), stack));
            }
        }
    }
}
