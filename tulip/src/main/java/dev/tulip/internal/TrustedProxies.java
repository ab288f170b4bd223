package dev.tulip.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code trusted-proxies} setting: address ranges whose {@code Forwarded} (RFC 7239) or
 * {@code X-Forwarded-For/-Proto/-Host} headers are believed. From any other peer those headers
 * are ignored, so a client cannot claim another address. Of the forwarded chain, the client is
 * the rightmost address that is not itself a trusted proxy (each proxy appends the peer it saw).
 */
public final class TrustedProxies {
    /** One range: an address and how many leading bits of it must match. */
    record Range(byte[] address, int bits) {
        boolean contains(byte[] a) {
            if (a.length != address.length) return false;
            int full = bits / 8;
            for (int i = 0; i < full; i++) if (a[i] != address[i]) return false;
            int rest = bits % 8;
            if (rest == 0) return true;
            int mask = 0xff << (8 - rest) & 0xff;
            return (a[full] & mask) == (address[full] & mask);
        }
    }

    /** What the trusted headers say: the client's address, scheme and host; null fields if unsaid. */
    public record Forwarded(InetSocketAddress client, String scheme, String host) {}

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Parses {@code 10.0.0.0/8, 127.0.0.1, ::1, fd00::/8}; IP literals only, never a DNS lookup. */
    public static TrustedProxies parse(String text) {
        List<Range> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int slash = p.indexOf('/');
            byte[] addr = literal(slash < 0 ? p : p.substring(0, slash));
            if (addr == null) throw new IllegalArgumentException("'" + p + "' is not an IP address or CIDR range");
            int bits = addr.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(p.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > addr.length * 8)
                    throw new IllegalArgumentException("'" + p + "' has a bad prefix length");
            }
            out.add(new Range(addr, bits));
        }
        return new TrustedProxies(out);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean trusts(byte[] address) {
        for (Range r : ranges) if (r.contains(address)) return true;
        return false;
    }

    /**
     * What {@code peer}'s forwarding headers say, or null when the peer is not trusted or they say
     * nothing usable. {@code forwarded}, {@code xff}, {@code proto} and {@code host} are the header
     * values (null if absent); {@code Forwarded} wins over the {@code X-Forwarded-*} ones.
     */
    public Forwarded resolve(InetSocketAddress peer, String forwarded, String xff, String proto, String host) {
        if (ranges.isEmpty() || peer == null || !trusts(peer.getAddress().getAddress())) return null;
        List<String> chain = new ArrayList<>();
        String scheme = null;
        String fwdHost = null;
        if (forwarded != null) {
            for (String element : forwarded.split(",")) {
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) continue;
                    String k = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    String v = unquote(pair.substring(eq + 1).trim());
                    switch (k) {
                        case "for" -> chain.add(v);
                        case "proto" -> scheme = v;
                        case "host" -> fwdHost = v;
                        default -> {}
                    }
                }
            }
        } else {
            if (xff != null) for (String a : xff.split(",")) chain.add(a.trim());
            if (proto != null) scheme = last(proto);
            if (host != null) fwdHost = last(host);
        }
        InetSocketAddress client = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetSocketAddress a = address(chain.get(i));
            if (a == null) break; // "unknown", an obfuscated name or garbage: nothing beyond it can be believed
            client = a;
            if (!trusts(a.getAddress().getAddress())) break;
        }
        String s = scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
        if (s != null && !s.equals("http") && !s.equals("https")) s = null;
        String h =
                fwdHost != null && fwdHost.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")
                        ? fwdHost
                        : null;
        if (client == null && s == null && h == null) return null;
        return new Forwarded(client, s, h);
    }

    private static String last(String list) {
        int comma = list.lastIndexOf(',');
        return (comma < 0 ? list : list.substring(comma + 1)).trim();
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** {@code 1.2.3.4}, {@code 1.2.3.4:80}, {@code [2001:db8::1]:80}, {@code 2001:db8::1}; null if none of those. */
    static InetSocketAddress address(String s) {
        String host = s;
        int port = 0;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) return null;
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.startsWith(":")) port = port(rest.substring(1));
            else if (!rest.isEmpty()) return null;
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s.substring(s.indexOf(':') + 1));
        }
        if (port < 0) return null;
        byte[] a = literal(host);
        if (a == null) return null;
        try {
            return new InetSocketAddress(InetAddress.getByAddress(a), port);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static int port(String p) {
        if (!p.matches("[0-9]{1,5}")) return -1;
        int n = Integer.parseInt(p);
        return n <= 65535 ? n : -1;
    }

    /** The bytes of an IP literal, or null; never resolves a name. */
    static byte[] literal(String s) {
        if (s.isEmpty() || !s.matches("[0-9A-Fa-f:.]+")) return null;
        try {
            return InetAddress.ofLiteral(s).getAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
