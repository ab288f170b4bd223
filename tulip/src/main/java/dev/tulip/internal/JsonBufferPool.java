package dev.tulip.internal;

import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.core.util.RecyclerPool;

/**
 * Jackson's buffers: each event loop keeps one set in a field of its thread (no pool traffic on
 * the non-blocking path); virtual threads share a concurrent pool, as they come and go.
 */
final class JsonBufferPool implements RecyclerPool<BufferRecycler> {
    private final RecyclerPool<BufferRecycler> shared = JsonRecyclerPools.newConcurrentDequePool();

    @Override
    public BufferRecycler acquireAndLinkPooled() {
        if (Thread.currentThread() instanceof Loops.LoopThread loop) return loop.jsonBuffers();
        return shared.acquireAndLinkPooled();
    }

    @Override
    public BufferRecycler acquirePooled() {
        return acquireAndLinkPooled();
    }

    @Override
    public void releasePooled(BufferRecycler recycler) {
        shared.releasePooled(recycler);
    }
}
