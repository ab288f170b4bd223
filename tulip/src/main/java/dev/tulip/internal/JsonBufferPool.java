package dev.tulip.internal;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.concurrent.atomic.AtomicReferenceArray;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.RecyclerPool;

/**
 * Jackson's buffers for one mapper: each event loop keeps one set in a fast thread-local (no pool
 * traffic on the non-blocking path); other threads (virtual threads come and go) share a small
 * striped array of slots, taken and returned with one atomic swap each. A thread that finds its
 * slot empty gets fresh buffers; a returned set that finds its slot full is dropped.
 */
final class JsonBufferPool implements RecyclerPool<BufferRecycler> {
    private static final int SLOTS = 16;
    private final AtomicReferenceArray<BufferRecycler> slots = new AtomicReferenceArray<>(SLOTS);
    private final FastThreadLocal<BufferRecycler> perLoop = new FastThreadLocal<>() {
        @Override
        protected BufferRecycler initialValue() {
            return new BufferRecycler();
        }
    };

    @Override
    public BufferRecycler acquireAndLinkPooled() {
        if (Loops.onEventLoop()) return perLoop.get();
        BufferRecycler r = slots.getAndSet(slot(), null);
        return (r != null ? r : new BufferRecycler()).withPool(this);
    }

    @Override
    public BufferRecycler acquirePooled() {
        return acquireAndLinkPooled();
    }

    @Override
    public void releasePooled(BufferRecycler recycler) {
        slots.compareAndSet(slot(), null, recycler);
    }

    private static int slot() {
        return (int) (Thread.currentThread().threadId() & (SLOTS - 1));
    }
}
