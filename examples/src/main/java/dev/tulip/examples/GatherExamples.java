package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.async.DeadlineExceededException;
import dev.tulip.async.TaskScope;
import dev.tulip.async.Tasks;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** Running tasks together: all of them, the first success, deadlines and cancellation. */
public final class GatherExamples {
    private GatherExamples() {}

    /** A user. */
    public record User(int id, String name) {}

    /** An order of a user. */
    public record Order(int id, String item) {}

    /** What the profile page shows. */
    public record Profile(User user, List<Order> orders) {}

    /** A stand-in for a user service. */
    public static class Users {
        /** The user with {@code id}. */
        public User find(int id) {
            return new User(id, "ada");
        }
    }

    /** A stand-in for an order service. */
    public static class Shop {
        /** The orders of user {@code id}. */
        public List<Order> ordersOf(int id) {
            return List.of(new Order(1, "tulip bulbs"));
        }

        /** The orders of user {@code id}, for code that does not block. */
        public CompletableFuture<List<Order>> ordersOfAsync(int id) {
            return CompletableFuture.completedFuture(ordersOf(id));
        }
    }

    /** A supplier's price; {@code slow} ones answer only once interrupted. */
    public record Supplier(String name, BigDecimal price, CountDownLatch slow) {
        /** A supplier that answers at once. */
        public static Supplier quick(String name, String price) {
            return new Supplier(name, new BigDecimal(price), new CountDownLatch(0));
        }

        /** A supplier that never answers (until its task is cancelled). */
        public static Supplier stuck(String name) {
            return new Supplier(name, BigDecimal.ZERO, new CountDownLatch(1));
        }

        /** Asks the supplier; blocks while it is slow. */
        public BigDecimal quote(String item) throws InterruptedException {
            slow.await();
            return price;
        }
    }

    /** The {@link TaskScope} javadoc's example. */
    public static Profile profile(Users users, Shop shop, int id) {
        // tag::task-scope-javadoc[]
        try (var scope = TaskScope.open("profile", Duration.ofSeconds(2))) {
            var user = scope.fork("user", () -> users.find(id));
            var orders = scope.fork("orders", () -> shop.ordersOf(id));
            scope.joinAll();
            return new Profile(user.join(), orders.join());
        }
        // end::task-scope-javadoc[]
    }

    /** The guide's app: a profile gathered in a handler, on a virtual thread and on the event loop. */
    public static Tulip app(Consumer<Config.Builder> config, Users users, Shop shop) {
        var app = Tulip.create(config);
        // tag::gather-handler[]
        app.get("/profile/{id:int}", req -> {
            int id = req.pathInt("id");
            try (var scope = TaskScope.open("profile", Duration.ofSeconds(2))) {
                var user = scope.fork("user", () -> users.find(id));
                var orders = scope.fork("orders", () -> shop.ordersOf(id));
                scope.joinAll(); // the first failure cancels the other task and is thrown here
                return new Profile(user.join(), orders.join());
            } // no task outlives the block
        });
        // end::gather-handler[]
        // tag::gather-deadline-504[]
        app.exception(DeadlineExceededException.class, (e, req) -> Response.json(504, Map.of("error", e.getMessage())));
        // end::gather-deadline-504[]
        // tag::gather-async[]
        app.get("/orders/{id:int}", Handler.nonBlocking(req -> {
            int id = req.pathInt("id");
            var all = Tasks.allOf(List.of(shop.ordersOfAsync(id), shop.ordersOfAsync(id + 1)));
            return Tasks.withDeadline(all, Duration.ofSeconds(2)); // at the deadline: cancelled, and a 504
        }));
        // end::gather-async[]
        return app;
    }

    /** Every supplier's price, asked at once: plain code, no app. */
    public static List<BigDecimal> prices(List<Supplier> suppliers, String item) {
        // tag::gather-all-plain[]
        List<Callable<BigDecimal>> quotes = suppliers.stream()
                .map(s -> (Callable<BigDecimal>) () -> s.quote(item))
                .toList();
        List<BigDecimal> prices = Tasks.all(quotes, Duration.ofSeconds(1)); // in the suppliers' order
        // end::gather-all-plain[]
        return prices;
    }

    /** The price of whichever of two suppliers answers first. */
    public static BigDecimal firstPrice(Supplier primary, Supplier replica, String item) {
        // tag::gather-first[]
        BigDecimal price = Tasks.first(Duration.ofSeconds(1), () -> primary.quote(item), () -> replica.quote(item));
        // end::gather-first[]
        return price;
    }

    /** One call with a deadline. */
    public static BigDecimal quoteWithin(Supplier supplier, String item, Duration deadline) {
        // tag::gather-with-deadline[]
        BigDecimal price = Tasks.withDeadline(deadline, () -> supplier.quote(item));
        // end::gather-with-deadline[]
        return price;
    }

    /** Starts two quotes and cancels the slow one by hand; returns the quick one's price. */
    public static BigDecimal cancelByHand(Supplier quick, Supplier slow, String item) {
        // tag::gather-cancel[]
        try (var scope = TaskScope.<BigDecimal>open("quotes", Duration.ofSeconds(5))) {
            var fast = scope.fork("fast", () -> quick.quote(item));
            var other = scope.fork("other", () -> slow.quote(item));
            BigDecimal price = fast.join();
            other.cancel(); // interrupts its thread; other.join() would throw CancellationException
            return price;
        }
        // end::gather-cancel[]
    }
}
