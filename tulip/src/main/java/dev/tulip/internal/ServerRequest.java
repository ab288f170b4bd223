package dev.tulip.internal;

import dev.tulip.AppContext;
import dev.tulip.Headers;
import dev.tulip.HttpException;
import dev.tulip.Request;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Flow;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@link Request} the server builds for each request; query, cookies and form are parsed on first use. */
public final class ServerRequest implements Request {
    private static final byte[] EMPTY = new byte[0];
    private static final String[] NO_PARAMS = new String[0];

    private final String method;
    private final String uri;
    private final String version;
    private final HeaderList headers;
    /** The body; for a streamed one, null until read in full. */
    private byte[] body;
    /** A body that arrives while the handler runs, null for one read before it. */
    private final BodyStream stream;

    private final InetSocketAddress remote;
    private final AppContext context;
    private final JsonMapper mapper;
    private final int queryStart;
    private String path;
    private String route;
    private String id;
    private TrustedProxies.Forwarded forwarded;
    private String[] paramNames = NO_PARAMS;
    private String[] paramValues = NO_PARAMS;
    private Map<String, List<String>> query;
    private Map<String, String> cookies;
    private Map<String, List<String>> form;
    private Map<String, Object> attributes;

    public ServerRequest(
            String method,
            String uri,
            String version,
            HeaderList headers,
            byte[] body,
            InetSocketAddress remote,
            AppContext context,
            JsonMapper mapper) {
        this(method, uri, version, headers, body, null, remote, context, mapper);
    }

    /** A request whose body arrives as {@code stream} while its handler runs. */
    public ServerRequest(
            String method,
            String uri,
            String version,
            HeaderList headers,
            BodyStream stream,
            InetSocketAddress remote,
            AppContext context,
            JsonMapper mapper) {
        this(method, uri, version, headers, null, stream, remote, context, mapper);
    }

    private ServerRequest(
            String method,
            String uri,
            String version,
            HeaderList headers,
            byte[] body,
            BodyStream stream,
            InetSocketAddress remote,
            AppContext context,
            JsonMapper mapper) {
        this.method = method;
        this.uri = uri;
        this.version = version;
        this.headers = headers;
        this.stream = stream;
        this.body = stream != null ? null : body == null ? EMPTY : body;
        this.remote = remote;
        this.context = context;
        this.mapper = mapper;
        this.queryStart = uri.indexOf('?');
    }

    /** Records the route that takes the request ({@code null} for none) and its path parameters ({@code null}: none). */
    public void routed(String route, String[] names, String[] values) {
        this.route = route;
        if (names != null) {
            this.paramNames = names;
            this.paramValues = values;
        }
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String path() {
        String p = path;
        if (p == null) path = p = queryStart < 0 ? uri : uri.substring(0, queryStart);
        return p;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String pathParam(String name) {
        for (int i = 0; i < paramNames.length; i++) {
            if (paramNames[i].equals(name)) return paramValues[i];
        }
        throw new IllegalArgumentException(
                "no path parameter '" + name + "' in this route (parameters: " + String.join(", ", paramNames) + ")");
    }

    @Override
    public int pathInt(String name) {
        return typed("path parameter", name, pathParam(name), Integer::parseInt, "an integer");
    }

    @Override
    public long pathLong(String name) {
        return typed("path parameter", name, pathParam(name), Long::parseLong, "an integer");
    }

    @Override
    public UUID pathUuid(String name) {
        return typed("path parameter", name, pathParam(name), UUID::fromString, "a UUID");
    }

    /** {@code value} parsed, or a 400 saying what {@code kind} {@code name} must be. */
    private static <T> T typed(
            String kind, String name, String value, java.util.function.Function<String, T> parse, String expected) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new HttpException(400, kind + " '" + name + "' must be " + expected + ", was '" + value + "'");
        }
    }

    @Override
    public Map<String, String> pathParams() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < paramNames.length; i++) m.put(paramNames[i], paramValues[i]);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String rawQuery() {
        return queryStart < 0 ? "" : uri.substring(queryStart + 1);
    }

    @Override
    public Optional<String> query(String name) {
        List<String> v = queryParams().get(name);
        return v == null ? Optional.empty() : Optional.of(v.getFirst());
    }

    @Override
    public int queryInt(String name, int defaultValue) {
        Optional<String> v = query(name);
        return v.isEmpty()
                ? defaultValue
                : typed("query parameter", name, v.get(), t -> Integer.parseInt(t.trim()), "an integer");
    }

    @Override
    public long queryLong(String name, long defaultValue) {
        Optional<String> v = query(name);
        return v.isEmpty()
                ? defaultValue
                : typed("query parameter", name, v.get(), t -> Long.parseLong(t.trim()), "an integer");
    }

    @Override
    public boolean queryBoolean(String name, boolean defaultValue) {
        Optional<String> v = query(name);
        if (v.isEmpty()) return defaultValue;
        return switch (v.get().trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default ->
                throw new HttpException(
                        400, "query parameter '" + name + "' must be true or false, was '" + v.get() + "'");
        };
    }

    @Override
    public List<String> queryAll(String name) {
        List<String> v = queryParams().get(name);
        return v == null ? List.of() : v;
    }

    @Override
    public Map<String, List<String>> queryParams() {
        Map<String, List<String>> q = query;
        if (q == null) query = q = parseUrlEncoded(rawQuery(), "query");
        return q;
    }

    /** Parses {@code a=1&b=2&a=3}; values decoded with {@code +} as space; 400 for broken escapes. */
    static Map<String, List<String>> parseUrlEncoded(String s, String what) {
        if (s.isEmpty()) return Map.of();
        Map<String, List<String>> out = new LinkedHashMap<>();
        int i = 0;
        while (i <= s.length()) {
            int amp = s.indexOf('&', i);
            if (amp < 0) amp = s.length();
            if (amp > i) {
                String pair = s.substring(i, amp);
                int eq = pair.indexOf('=');
                try {
                    String k = PercentDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), true);
                    String v = eq < 0 ? "" : PercentDecoder.decode(pair.substring(eq + 1), true);
                    out.computeIfAbsent(k, x -> new ArrayList<>(1)).add(v);
                } catch (IllegalArgumentException e) {
                    throw new HttpException(400, "malformed " + what + ": " + e.getMessage());
                }
            }
            i = amp + 1;
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies().get(name));
    }

    @Override
    public Map<String, String> cookies() {
        Map<String, String> c = cookies;
        if (c == null) {
            c = new LinkedHashMap<>();
            for (String h : headers.all("Cookie")) {
                for (String part : h.split(";")) {
                    String p = part.trim();
                    int eq = p.indexOf('=');
                    if (eq <= 0) continue;
                    String v = p.substring(eq + 1).trim();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
                    c.putIfAbsent(p.substring(0, eq).trim(), v);
                }
            }
            cookies = c = Collections.unmodifiableMap(c);
        }
        return c;
    }

    @Override
    public byte[] body() {
        byte[] b = body;
        if (b == null) body = b = stream.readAll();
        return b;
    }

    @Override
    public InputStream bodyStream() {
        return stream != null ? stream.inputStream() : new ByteArrayInputStream(body);
    }

    @Override
    public Flow.Publisher<ByteBuffer> bodyPublisher() {
        return (stream != null ? stream : BodyStream.of(body)).publisher();
    }

    /** The body arriving while the handler runs; null if it was read before. */
    public BodyStream streamedBody() {
        return stream;
    }

    @Override
    public String text() {
        requireIdentity();
        return new String(body(), charset());
    }

    /** Reading a body as text, JSON or a form needs it uncoded: a compressed body is a 415, not garbage. */
    private void requireIdentity() {
        String coding = headers.get("Content-Encoding");
        if (coding == null || coding.isBlank() || coding.trim().equalsIgnoreCase("identity")) return;
        throw new HttpException(
                415, "Content-Encoding '" + coding.trim() + "' is not supported for this body; send it uncompressed");
    }

    private Charset charset() {
        String ct = headers.get("Content-Type");
        if (ct != null) {
            for (String param : ct.split(";")) {
                String p = param.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    String name = p.substring(8).replace("\"", "").trim();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        throw new HttpException(415, "unsupported charset '" + name + "'");
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    @Override
    public <T> T json(Class<T> type) {
        requireIdentity();
        byte[] body = requireBody();
        try {
            return notNull(mapper.readValue(body, type));
        } catch (JacksonException e) {
            throw JsonErrors.badRequest(e, body);
        }
    }

    @Override
    public <T> T json(TypeReference<T> type) {
        requireIdentity();
        byte[] body = requireBody();
        try {
            return notNull(mapper.readValue(body, type));
        } catch (JacksonException e) {
            throw JsonErrors.badRequest(e, body);
        }
    }

    private byte[] requireBody() {
        byte[] b = body();
        if (b.length == 0) throw new HttpException(400, "a JSON body is required");
        return b;
    }

    private static <T> T notNull(T value) {
        if (value == null) throw new HttpException(400, "body: expected a JSON value, got null");
        return value;
    }

    @Override
    public Map<String, List<String>> form() {
        Map<String, List<String>> f = form;
        if (f == null) {
            requireIdentity();
            String ct = headers.get("Content-Type");
            if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw new HttpException(
                        415,
                        "expected Content-Type application/x-www-form-urlencoded, was "
                                + (ct == null ? "none" : "'" + ct + "'"));
            }
            form = f = parseUrlEncoded(new String(body(), StandardCharsets.UTF_8), "form body");
        }
        return f;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        TrustedProxies.Forwarded f = forwarded;
        return f != null && f.client() != null ? f.client() : remote;
    }

    @Override
    public String scheme() {
        TrustedProxies.Forwarded f = forwarded;
        return f != null && f.scheme() != null ? f.scheme() : "http";
    }

    @Override
    public String host() {
        TrustedProxies.Forwarded f = forwarded;
        if (f != null && f.host() != null) return f.host();
        String h = headers.get("Host");
        return h == null ? "" : h;
    }

    /** Believes the forwarding headers if the peer is a trusted proxy (before routing). */
    void trust(TrustedProxies proxies) {
        if (proxies.isEmpty()) return;
        forwarded = proxies.resolve(
                remote,
                headers.get("Forwarded"),
                headers.get("X-Forwarded-For"),
                headers.get("X-Forwarded-Proto"),
                headers.get("X-Forwarded-Host"));
    }

    @Override
    public String id() {
        String i = id;
        if (i == null) id = i = RequestIds.of(headers.get(RequestIds.HEADER));
        return i;
    }

    @Override
    public Optional<String> route() {
        return Optional.ofNullable(route);
    }

    @Override
    public AppContext context() {
        return context;
    }

    @Override
    public void attribute(String name, Object value) {
        if (name == null) throw new IllegalArgumentException("attribute name must not be null");
        if (value == null)
            throw new IllegalArgumentException(
                    "attribute " + name + ": value must not be null (to remove an attribute use removeAttribute)");
        if (attributes == null) attributes = new HashMap<>(4);
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        if (attributes != null) attributes.remove(name);
    }

    @Override
    public <T> Optional<T> attribute(String name, Class<T> type) {
        if (type == null)
            throw new IllegalArgumentException(
                    "attribute type must not be null (to remove an attribute use removeAttribute)");
        Object v = attributes == null ? null : attributes.get(name);
        return type.isInstance(v) ? Optional.of(type.cast(v)) : Optional.empty();
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
