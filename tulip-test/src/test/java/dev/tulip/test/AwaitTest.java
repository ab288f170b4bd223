package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.*;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void awaitReturnsTheValueOnATestThread() {
        assertThat(Tulip.await(CompletableFuture.supplyAsync(() -> 21 * 2))).isEqualTo(42);
    }

    @Test
    void awaitReturnsTheValueOnAVirtualThread() throws InterruptedException {
        AtomicReference<Object> got = new AtomicReference<>();

        Thread t = Thread.ofVirtual().start(() -> got.set(Tulip.await(CompletableFuture.supplyAsync(() -> "vt"))));
        t.join();

        assertThat(got).hasValue("vt");
    }

    @Test
    void awaitRethrowsAnUncheckedFailureAsItself() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> Tulip.await(CompletableFuture.failedFuture(boom)))
                .isSameAs(boom);
    }

    @Test
    void awaitWrapsACheckedFailureInCompletionException() {
        IOException io = new IOException("io");

        assertThatThrownBy(() -> Tulip.await(CompletableFuture.failedFuture(io)))
                .isInstanceOf(CompletionException.class)
                .hasCause(io);
    }

    @Test
    void awaitRethrowsAnError() {
        AssertionError err = new AssertionError("err");

        assertThatThrownBy(() -> Tulip.await(CompletableFuture.failedFuture(err)))
                .isSameAs(err);
    }

    @Test
    void awaitInABlockingHandlerGivesTheValue() {
        Tulip app = Tulip.create();
        app.get("/x", req -> Tulip.await(CompletableFuture.supplyAsync(() -> "awaited")));

        try (var client = DirectClient.of(app)) {
            assertThat(client.get("/x").text()).isEqualTo("awaited");
        }
    }

    @Test
    void aFailureAwaitedInAHandlerIsMappedLikeAThrownException() {
        Tulip app = Tulip.create();
        app.get("/x", req -> Tulip.await(CompletableFuture.failedFuture(new HttpException(410, "gone"))));

        try (var client = DirectClient.of(app)) {
            assertThat(client.get("/x").status()).isEqualTo(410);
        }
    }
}
