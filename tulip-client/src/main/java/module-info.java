/**
 * An HTTP/1.1 client for Tulip apps (aiohttp's {@code ClientSession}): pooled keep-alive
 * connections on the app's own event loops, timeouts, JSON, streaming bodies, redirects, retries.
 */
module dev.tulip.client {
    // ---- API: the facade, calls, responses and failures
    exports dev.tulip.client;

    requires transitive dev.tulip;

    // ---- internal: dev.tulip.client.internal is exported to no one
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.handler;
}
