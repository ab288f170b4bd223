package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.async.DeadlineExceededException;
import dev.tulip.examples.GatherExamples.Order;
import dev.tulip.examples.GatherExamples.Profile;
import dev.tulip.examples.GatherExamples.Shop;
import dev.tulip.examples.GatherExamples.Supplier;
import dev.tulip.examples.GatherExamples.User;
import dev.tulip.examples.GatherExamples.Users;
import dev.tulip.test.TestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExampleGatherTest {

    @Test
    void theTaskScopeJavadocExampleGathersAUserAndTheirOrders() {
        Profile p = GatherExamples.profile(new Users(), new Shop(), 7);
        assertThat(p).isEqualTo(new Profile(new User(7, "ada"), List.of(new Order(1, "tulip bulbs"))));
    }

    @Test
    void theProfileHandlerGathersBothCallsIntoOneResponse() {
        try (var server = TestServer.start(GatherExamples.app(cfg -> cfg.port(0), new Users(), new Shop()))) {
            assertThat(server.client().get("/profile/7").text())
                    .isEqualTo(
                            "{\"user\":{\"id\":7,\"name\":\"ada\"},\"orders\":[{\"id\":1,\"item\":\"tulip bulbs\"}]}");
        }
    }

    @Test
    void aProfileCallPastTheDeadlineIsA504AndTheStuckCallIsInterrupted() throws Exception {
        var interrupted = new CountDownLatch(1);
        var stuck = new Users() {
            @Override
            public User find(int id) {
                try {
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                    return super.find(id);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        };
        try (var server = TestServer.start(GatherExamples.app(cfg -> cfg.port(0), stuck, new Shop()))) {
            var r = server.client().get("/profile/7");
            assertThat(r.status()).isEqualTo(504);
            assertThat(r.text()).contains("scope 'profile' (still running: ", "'user'", ") did not finish within 2s");
        }
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theNonBlockingHandlerGathersStagesWithADeadline() {
        try (var server = TestServer.start(GatherExamples.app(cfg -> cfg.port(0), new Users(), new Shop()))) {
            assertThat(server.client().get("/orders/7").text())
                    .isEqualTo("[[{\"id\":1,\"item\":\"tulip bulbs\"}],[{\"id\":1,\"item\":\"tulip bulbs\"}]]");
        }
    }

    @Test
    void pricesComeInTheSuppliersOrder() {
        var suppliers = List.of(Supplier.quick("a", "3.10"), Supplier.quick("b", "2.95"), Supplier.quick("c", "3.00"));
        assertThat(GatherExamples.prices(suppliers, "bulb"))
                .containsExactly(new BigDecimal("3.10"), new BigDecimal("2.95"), new BigDecimal("3.00"));
    }

    @Test
    void aSupplierThatDoesNotAnswerEndsThePricesAtTheDeadline() {
        var suppliers = List.of(Supplier.quick("a", "3.10"), Supplier.stuck("b"));
        assertThatThrownBy(() -> GatherExamples.prices(suppliers, "bulb"))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageStartingWith("scope 'Tasks.all' (still running: ")
                .hasMessageContaining("#2")
                .hasMessageEndingWith(") did not finish within 1s");
    }

    @Test
    void theFirstPriceIsTheReplicasWhenThePrimaryIsStuck() {
        assertThat(GatherExamples.firstPrice(Supplier.stuck("primary"), Supplier.quick("replica", "2.50"), "bulb"))
                .isEqualByComparingTo("2.50");
    }

    @Test
    void oneCallWithADeadlineThrowsDeadlineExceeded() {
        assertThatThrownBy(() -> GatherExamples.quoteWithin(Supplier.stuck("s"), "bulb", Duration.ofMillis(50)))
                .isInstanceOf(DeadlineExceededException.class);
        assertThat(GatherExamples.quoteWithin(Supplier.quick("s", "1.00"), "bulb", Duration.ofSeconds(1)))
                .isEqualByComparingTo("1.00");
    }

    @Test
    void cancellingByHandEndsTheSlowQuoteAndKeepsTheFastOne() {
        assertThat(GatherExamples.cancelByHand(Supplier.quick("fast", "1.20"), Supplier.stuck("slow"), "bulb"))
                .isEqualByComparingTo("1.20");
    }
}
