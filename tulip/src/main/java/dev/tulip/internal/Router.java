package dev.tulip.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Maps a method and a path to a route. A trie of path segments: at each level a literal beats a
 * typed parameter, which beats a regex, which beats a plain string parameter, which beats a
 * {@code path} rest-parameter; the search backtracks, so {@code GET /users/new} can still reach
 * {@code GET /users/{id}} when {@code /users/new} only has {@code POST}. Fully literal paths are
 * also kept in a hash map, so the common case is one lookup. Routes are added while the app is
 * declared; the router the server uses is a {@link #map} of it, built once at start and never
 * changed. Knows nothing about what a route maps to.
 */
public final class Router<T> {

    /** A registered route and the value it maps to. */
    public static final class Route<T> {
        final String method;
        final PathPattern pattern;
        final T value;
        final Found<T> literalMatch = new Found<>(this, NONE, NONE);

        Route(String method, PathPattern pattern, T value) {
            this.method = method;
            this.pattern = pattern;
            this.value = value;
        }

        public String method() {
            return method;
        }

        /** The pattern as declared, e.g. {@code /users/{id:int}}. */
        public String path() {
            return pattern.text();
        }

        /** Whether every segment is literal (so one path always resolves to this route). */
        public boolean literal() {
            return pattern.segments().stream().noneMatch(PathPattern.Segment::isParam);
        }

        public T value() {
            return value;
        }
    }

    /** A route found for a request, with its parameter values (decoded). */
    public record Found<T>(Route<T> route, String[] names, String[] values) {}

    private static final class Node<T> {
        final Map<String, Node<T>> literals = new HashMap<>();
        final List<Node<T>> params = new ArrayList<>(); // sorted by priority
        PathPattern.Segment param; // for a parameter node
        final Map<String, Route<T>> routes = new LinkedHashMap<>();
    }

    private static final String[] NONE = new String[0];

    private final Node<T> root = new Node<>();
    private final Map<String, Node<T>> literalPaths = new HashMap<>();
    private final List<Route<T>> all = new ArrayList<>();

    /** Registers a route; a second route with the same method and pattern is an error. */
    public Route<T> add(String method, String path, T value) {
        PathPattern pattern = PathPattern.parse(path);
        Node<T> node = root;
        boolean literal = true;
        for (PathPattern.Segment seg : pattern.segments()) {
            if (!seg.isParam()) {
                node = node.literals.computeIfAbsent(seg.literal(), k -> new Node<>());
                continue;
            }
            literal = false;
            Node<T> next = null;
            for (Node<T> p : node.params) {
                if (p.param.kindKey().equals(seg.kindKey())) {
                    if (!p.param.name().equals(seg.name())) {
                        throw new IllegalArgumentException(
                                "route " + path + ": parameter " + seg.display() + " is at the same place as "
                                        + p.param.display() + " in another route; use the same name");
                    }
                    next = p;
                }
            }
            if (next == null) {
                next = new Node<>();
                next.param = seg;
                node.params.add(next);
                node.params.sort((a, b) -> Integer.compare(priority(a.param), priority(b.param)));
            }
            node = next;
        }
        if (node.routes.containsKey(method))
            throw new IllegalArgumentException("route " + method + " " + path + " is already registered");
        Route<T> route = new Route<>(method, pattern, value);
        node.routes.put(method, route);
        if (literal) literalPaths.put(path, node);
        all.add(route);
        return route;
    }

    private static int priority(PathPattern.Segment s) {
        return switch (s.type()) {
            case INT, LONG, UUID -> 0;
            case REGEX -> 1;
            case STRING -> 2;
            case PATH -> 3;
        };
    }

    /** All routes in registration order. */
    public List<Route<T>> routes() {
        return List.copyOf(all);
    }

    /** A router of the same routes, each mapped to {@code fn(route)}; this one is left as it is. */
    public <R> Router<R> map(Function<Route<T>, R> fn) {
        Router<R> out = new Router<>();
        for (Route<T> r : all) out.add(r.method, r.pattern.text(), fn.apply(r));
        return out;
    }

    /**
     * The route for {@code method} and raw {@code path}, or {@code null}. {@code HEAD} falls back to
     * {@code GET}. Throws {@link IllegalArgumentException} for a path with broken percent-encoding.
     */
    public Found<T> find(String method, String path) {
        Node<T> exact = literalPaths.get(path);
        if (exact != null) {
            Route<T> r = pick(exact, method);
            if (r != null) return r.literalMatch;
        }
        if (path.isEmpty() || path.charAt(0) != '/') return null;
        String[] stack = new String[16];
        return search(root, path, 1, method, stack, 0);
    }

    private static <T> Route<T> pick(Node<T> node, String method) {
        Route<T> r = node.routes.get(method);
        if (r == null && method.equals("HEAD")) r = node.routes.get("GET");
        return r;
    }

    private Found<T> search(Node<T> node, String path, int start, String method, String[] stack, int depth) {
        int end = path.indexOf('/', start);
        if (end < 0) end = path.length();
        boolean last = end == path.length();
        String raw = path.substring(start, end);
        String seg = null;
        Node<T> lit = node.literals.get(raw);
        if (lit == null && raw.indexOf('%') >= 0) lit = node.literals.get(seg = PercentDecoder.decode(raw));
        if (lit != null) {
            Found<T> f = last ? leaf(lit, method, stack, depth) : search(lit, path, end + 1, method, stack, depth);
            if (f != null) return f;
        }
        for (Node<T> p : node.params) {
            PathPattern.Segment ps = p.param;
            if (ps.type() == PathPattern.Type.PATH) {
                String rest = safe(PercentDecoder.decode(path.substring(start)), true);
                if (depth * 2 + 2 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                stack[depth * 2] = ps.name();
                stack[depth * 2 + 1] = rest;
                Found<T> f = leaf(p, method, stack, depth + 1);
                if (f != null) return f;
                continue;
            }
            if (seg == null) seg = PercentDecoder.decode(raw);
            safe(seg, false);
            if (!PathPattern.accepts(ps, seg)) continue;
            if (depth * 2 + 2 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            stack[depth * 2] = ps.name();
            stack[depth * 2 + 1] = seg;
            Found<T> f = last ? leaf(p, method, stack, depth + 1) : search(p, path, end + 1, method, stack, depth + 1);
            if (f != null) return f;
        }
        return null;
    }

    /**
     * A decoded parameter value a handler can use as a file name: no NUL and no dot-segment
     * ({@code .} or {@code ..}, raw or percent-encoded), in any of its segments for a
     * {@code {x:path}}. Anything else is refused (400) rather than normalised, so a handler never
     * sees a value that climbs out of a directory.
     */
    private static String safe(String value, boolean slashes) {
        if (value.indexOf('\0') >= 0) throw new IllegalArgumentException("a path parameter may not contain NUL (%00)");
        if (slashes) {
            for (String s : value.split("/", -1)) {
                if (s.equals(".") || s.equals(".."))
                    throw new IllegalArgumentException("a path parameter may not hold a dot-segment ('.' or '..')");
            }
        } else if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("a path parameter may not be a dot-segment ('.' or '..')");
        }
        return value;
    }

    private static <T> Found<T> leaf(Node<T> node, String method, String[] stack, int depth) {
        Route<T> r = method == null
                ? (node.routes.isEmpty()
                        ? null
                        : node.routes.values().iterator().next())
                : pick(node, method);
        if (r == null) return null;
        String[] names = new String[depth];
        String[] values = new String[depth];
        for (int i = 0; i < depth; i++) {
            names[i] = stack[i * 2];
            values[i] = stack[i * 2 + 1];
        }
        return new Found<>(r, names, values);
    }

    /** The methods some route answers for {@code path} (with HEAD where GET is, and OPTIONS); empty if none. */
    public Set<String> allowed(String path) {
        Set<String> out = new TreeSet<>();
        for (String m : methods()) {
            if (find(m, path) != null) out.add(m);
        }
        if (out.isEmpty()) return out;
        if (out.contains("GET")) out.add("HEAD");
        out.add("OPTIONS");
        return out;
    }

    private Set<String> methods() {
        Set<String> ms = new TreeSet<>();
        for (Route<T> r : all) ms.add(r.method);
        return ms;
    }
}
