package dev.tulip.async;

import dev.tulip.async.Watchdog.Pinned;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingStream;

/**
 * The pinning half of a {@link Watchdog}: a JFR stream of {@code jdk.VirtualThreadPinned}, the
 * event the JDK records when a virtual thread blocks while it cannot leave its carrier (a native
 * frame on its stack). JFR records only events past the threshold, so a quiet app costs nothing
 * but the open stream.
 */
final class WatchdogPinning {
    private static final String EVENT = "jdk.VirtualThreadPinned";

    private final RecordingStream stream;

    private WatchdogPinning(RecordingStream stream) {
        this.stream = stream;
    }

    static WatchdogPinning start(Duration threshold, Consumer<Pinned> report) {
        RecordingStream stream = new RecordingStream();
        try {
            stream.enable(EVENT).withThreshold(threshold).withStackTrace();
            stream.onEvent(EVENT, e -> {
                List<StackTraceElement> frames = new ArrayList<>();
                RecordedStackTrace trace = e.getStackTrace();
                if (trace != null) {
                    for (RecordedFrame f : trace.getFrames()) {
                        if (!f.isJavaFrame()) continue;
                        frames.add(new StackTraceElement(
                                f.getMethod().getType().getName(), f.getMethod().getName(), null, f.getLineNumber()));
                    }
                }
                String thread = e.getThread() == null ? "?" : e.getThread().getJavaName();
                report.accept(new Pinned(thread, e.getDuration(), frames));
            });
            stream.startAsync();
            return new WatchdogPinning(stream);
        } catch (RuntimeException ex) {
            stream.close();
            throw ex;
        }
    }

    void stop() {
        stream.close();
    }
}
