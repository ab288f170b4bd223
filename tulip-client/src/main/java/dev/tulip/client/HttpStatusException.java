package dev.tulip.client;

/**
 * The server answered with a status outside 2xx to a call that reads a value ({@code as}, {@code
 * text}, {@code bytes}); {@link #response()} has its status, headers and body. A handler that lets
 * it through answers {@code 502} (the body is not passed on); ask for the raw response with {@code
 * send()} to handle statuses yourself.
 */
public final class HttpStatusException extends HttpClientException {
    private final ClientResponse response;

    /** The call and the response it got. */
    public HttpStatusException(String method, String url, ClientResponse response) {
        super(502, "the server answered " + response.status() + " to", method, url, null);
        this.response = response;
    }

    /** The response, body included. */
    public ClientResponse response() {
        return response;
    }

    /** The status the server answered. */
    public int responseStatus() {
        return response.status();
    }

    /** The body the server answered, as text. */
    public String body() {
        return response.text();
    }
}
