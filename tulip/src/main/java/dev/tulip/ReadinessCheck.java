package dev.tulip;

/**
 * One condition of the app's readiness ({@code /health/ready} with the {@code health} setting): it
 * returns when the condition holds and throws, saying why, when it does not. Called on a virtual
 * thread for each readiness request, so it may block briefly (a database ping); bound its time.
 */
@FunctionalInterface
public interface ReadinessCheck {
    /** Returns if ready; throws with a message that says what is not. */
    void check() throws Exception;
}
