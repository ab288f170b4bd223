package dev.tulip;

import dev.tulip.internal.Loops;
import dev.tulip.internal.Unwind;
import dev.tulip.spi.EventLoops;
import dev.tulip.spi.LoopSupplier;
import dev.tulip.spi.Runtime;

/** An app's {@link Runtime}: who provides its loops, and the loops once they exist. */
final class AppRuntime implements Runtime {
    private final Tulip app;
    private LoopSupplier supplier;
    private volatile EventLoops loops;

    AppRuntime(Tulip app) {
        this.app = app;
    }

    synchronized void supplier(LoopSupplier s) {
        if (s == null) throw new IllegalArgumentException("loop supplier must not be null");
        if (supplier != null)
            throw new IllegalStateException(
                    "another integration already supplies this app's event loops (" + supplier + "); at most one may");
        supplier = s;
    }

    /** Creates the loops (Tulip's own, or the supplier's) and queues their shutdown as the last close. */
    synchronized void openLoops(Config config, Unwind unwind) throws Exception {
        LoopSupplier s = supplier;
        EventLoops l = s != null ? s.open(config) : Loops.create(config);
        if (l == null) throw new IllegalStateException("the loop supplier " + s + " returned no loops");
        loops = l;
        unwind.push("event loops", () -> {
            loops = null;
            if (s != null) s.close(l);
            else Loops.shutdown(l, 2000);
        });
    }

    @Override
    public EventLoops loops() {
        EventLoops l = loops;
        if (l == null)
            throw new IllegalStateException(
                    "the app's event loops exist only while it starts and runs: use them from a resource's opener");
        return l;
    }

    @Override
    public Config config() {
        return app.config();
    }

    @Override
    public AppContext context() {
        return app.context();
    }
}
