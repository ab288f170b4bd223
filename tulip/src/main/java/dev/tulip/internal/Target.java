package dev.tulip.internal;

import dev.tulip.Handler;

/**
 * What runs for a request: the composed chain (handler inside its middleware), whether it may run
 * on the event loop, whether its route is all literal segments (so the same path always resolves
 * to it), and the route's pattern ({@code null} for the 404/405/OPTIONS fallbacks).
 */
public record Target(Handler chain, boolean nonBlocking, boolean literal, String route) {}
