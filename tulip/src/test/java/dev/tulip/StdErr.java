package dev.tulip;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a piece of code writes to standard error, where the test logger (slf4j-simple) writes. */
public final class StdErr {
    /** The code under test. */
    public interface Action {
        void run() throws Exception;
    }

    private StdErr() {}

    /** Runs {@code action} and returns what it wrote to standard error. */
    public static synchronized String capture(Action action) throws Exception {
        PrintStream original = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
