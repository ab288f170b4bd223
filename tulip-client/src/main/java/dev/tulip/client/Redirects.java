package dev.tulip.client;

/**
 * Which redirects ({@code 301}, {@code 302}, {@code 303}, {@code 307}, {@code 308} with a {@code
 * Location}) a client follows. A {@code 303}, and a {@code 301}/{@code 302} to a request other than
 * {@code GET}/{@code HEAD}, is followed with a {@code GET} without a body; {@code 307}/{@code 308}
 * keep the method and body (a streamed body cannot be sent twice: the redirect is returned as it
 * came). {@code Authorization} and {@code Cookie} are dropped when a redirect leaves the origin
 * (scheme, host and port). A chain longer than {@code max} fails with {@link
 * TooManyRedirectsException}; a redirect the policy does not follow (any, with {@link #none()}; one
 * to another origin, with {@link #sameOrigin}) is returned as the response.
 *
 * @param max the most redirects followed in one call; 0 follows none
 * @param crossOrigin whether redirects to another origin are followed
 */
public record Redirects(int max, boolean crossOrigin) {
    /** Validates {@code max}. */
    public Redirects {
        if (max < 0) throw new IllegalArgumentException("max redirects must be 0 or more, got " + max);
    }

    /** Follows no redirect: every 3xx is the response. */
    public static Redirects none() {
        return new Redirects(0, false);
    }

    /** Follows up to {@code max} redirects within the request's origin. */
    public static Redirects sameOrigin(int max) {
        return new Redirects(max, false);
    }

    /** Follows up to {@code max} redirects anywhere (the default: 10). */
    public static Redirects follow(int max) {
        return new Redirects(max, true);
    }
}
