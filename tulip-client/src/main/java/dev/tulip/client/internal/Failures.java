package dev.tulip.client.internal;

import dev.tulip.client.ConnectRefusedException;
import dev.tulip.client.ConnectTimeoutException;
import dev.tulip.client.ConnectionClosedException;
import dev.tulip.client.HttpClientException;
import io.netty.handler.codec.DecoderException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** The transport's exceptions as the client's own; the one place that names a failure. */
public final class Failures {
    private Failures() {}

    /** {@code t} as the exception the caller of {@code req} sees. */
    public static RuntimeException translate(Throwable t, Req req) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null)
            t = t.getCause();
        String m = req.method();
        String u = req.urlText();
        return switch (t) {
            case HttpClientException h -> h;
            case io.netty.channel.ConnectTimeoutException c ->
                new ConnectTimeoutException("no connection within the connect timeout", m, u, c);
            case UnknownHostException h ->
                new ConnectRefusedException("unknown host " + req.url().getHost(), m, u, h);
            case NoRouteToHostException r -> new ConnectRefusedException("no route to the host", m, u, r);
            case ConnectException c ->
                new ConnectRefusedException("connection refused (is the server running?)", m, u, c);
            case NoResponseException n -> new ConnectionClosedException(n.getMessage(), m, u, n);
            case SSLException s -> new ConnectionClosedException("TLS failed (" + s.getMessage() + ")", m, u, s);
            case DecoderException d ->
                new ConnectionClosedException("the server's response is not valid HTTP/1.1", m, u, d);
            case ClosedChannelException c -> new ConnectionClosedException("the connection closed", m, u, c);
            case java.io.IOException io -> new ConnectionClosedException(String.valueOf(io.getMessage()), m, u, io);
            case RuntimeException r -> r;
            case Error e -> throw e;
            default -> new ConnectionClosedException(t.toString(), m, u, t);
        };
    }

    /** Whether {@code t} happened before any response, on connecting or on a connection that closed unanswered. */
    static boolean beforeResponse(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null)
            t = t.getCause();
        return t instanceof ConnectException
                || t instanceof io.netty.channel.ConnectTimeoutException
                || t instanceof NoResponseException;
    }
}
