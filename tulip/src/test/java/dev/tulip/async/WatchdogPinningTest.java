package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A virtual thread that sleeps inside a native frame cannot leave its carrier. The native frame
 * here is libc's {@code qsort}, called through the FFM API with a comparator that calls back into
 * Java and sleeps: a real pin, without native code of the project's own.
 */
class WatchdogPinningTest {

    /** The comparator the native code calls back; an upcall may not throw, so an interrupt only ends the sleep. */
    static int sleepyCompare(MemorySegment a, MemorySegment b) {
        try {
            Thread.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.compare(
                a.reinterpret(4).get(ValueLayout.JAVA_INT, 0), b.reinterpret(4).get(ValueLayout.JAVA_INT, 0));
    }

    /** Sorts two ints with {@code qsort}, whose comparator sleeps: the caller is pinned while it does. */
    static void sortInNativeCode() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle qsort = linker.downcallHandle(
                linker.defaultLookup().find("qsort").orElseThrow(),
                FunctionDescriptor.ofVoid(
                        ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        MethodHandle compare = MethodHandles.lookup()
                .findStatic(
                        WatchdogPinningTest.class,
                        "sleepyCompare",
                        MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment comparator = linker.upcallStub(
                    compare,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS),
                    arena);
            MemorySegment ints = arena.allocateFrom(ValueLayout.JAVA_INT, 2, 1);
            qsort.invokeExact(ints, 2L, 4L, comparator);
        }
    }

    @Test
    void aVirtualThreadPinnedInANativeFrameIsReportedWithItsStack() throws Exception {
        List<Watchdog.Pinned> pinned = new CopyOnWriteArrayList<>();
        CountDownLatch seen = new CountDownLatch(1);
        var watchdog = Watchdog.create(cfg -> cfg.pinnedThreshold(Duration.ofMillis(20)))
                .onPinned(p -> {
                    pinned.add(p);
                    seen.countDown();
                });
        Tulip app = Tulip.create(c -> c.port(0).eventLoops(1)).install(watchdog).start();
        try {
            var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
            Thread t = Thread.ofVirtual().name("pinned-sorter").start(() -> {
                try {
                    sortInNativeCode();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.join(10_000);
            assertThat(failure.get()).as("the native sort ran").isNull();
            assertThat(seen.await(10, TimeUnit.SECONDS))
                    .as("a pinned event arrived")
                    .isTrue();
        } finally {
            app.stop();
        }
        Watchdog.Pinned p = pinned.getFirst();
        assertThat(p.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(p.stack()).anyMatch(f -> f.getMethodName().equals("sleepyCompare"));
        assertThat(watchdog.pinnedCount()).isPositive();
    }

    @Test
    void aVirtualThreadThatSleepsInPlainJavaIsNotReportedAsPinned() throws Exception {
        List<Watchdog.Pinned> pinned = new CopyOnWriteArrayList<>();
        var watchdog = Watchdog.create(cfg -> cfg.pinnedThreshold(Duration.ofMillis(20)))
                .onPinned(pinned::add);
        Tulip app = Tulip.create(c -> c.port(0).eventLoops(1)).install(watchdog).start();
        try {
            Object lock = new Object();
            Thread t = Thread.ofVirtual().start(() -> {
                synchronized (lock) { // since JDK 24 a monitor does not pin
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            t.join(10_000);
            // the pinning test above shows events arrive within a second; give these as long
            Thread.sleep(1500);
        } finally {
            app.stop();
        }
        assertThat(pinned).isEmpty();
    }
}
