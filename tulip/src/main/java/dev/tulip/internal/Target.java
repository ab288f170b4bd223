package dev.tulip.internal;

import dev.tulip.Handler;

/**
 * What runs for a request: the composed chain (handler inside its middleware), whether it may run
 * on the event loop, whether its route is all literal segments (so the same path always resolves
 * to it), the route's pattern ({@code null} for the 404/405/OPTIONS fallbacks), and its own
 * limits: the largest body in bytes and the handler timeout in nanoseconds, -1 for the app's; and
 * whether its handler reads the body as it arrives instead of after it was read.
 */
public record Target(
        Handler chain,
        boolean nonBlocking,
        boolean literal,
        String route,
        long maxBodySize,
        long timeoutNanos,
        boolean streamBody) {
    public Target(Handler chain, boolean nonBlocking, boolean literal, String route) {
        this(chain, nonBlocking, literal, route, -1, -1, false);
    }
}
