package dev.tulip.examples;

// The README's hello world, the whole program.
// tag::readme-hello[]
import dev.tulip.Tulip;
import java.util.Map;

public class Hello {
    public static void main(String[] args) {
        var app = Tulip.create(cfg -> cfg.port(8000));
        app.get("/hello", req -> Map.of("hello", "world")); // returned values become JSON
        app.run(args); // --port 9000, TULIP_PORT=9000, Ctrl-C drains
    }
}
// end::readme-hello[]
