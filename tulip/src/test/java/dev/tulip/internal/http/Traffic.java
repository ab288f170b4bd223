package dev.tulip.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Generated HTTP/1.1 request traffic from a seeded random source: well-formed, and mutated byte by byte. */
final class Traffic {
    private Traffic() {}

    static String pick(SplittableRandom r, String... options) {
        return options[r.nextInt(options.length)];
    }

    static String text(SplittableRandom r, String alphabet, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        var b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return b.toString();
    }

    static byte[] bytes(SplittableRandom r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /** One well-formed request as bytes. */
    static byte[] request(SplittableRandom r) {
        String method = pick(r, "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "X-SYNC");
        var path = new StringBuilder();
        int segments = r.nextInt(5);
        for (int i = 0; i < segments; i++)
            path.append('/')
                    .append(text(r, "abcxyzABC019-._~!$&'()*+,;=:@", 0, 8).replace("..", "%2E"));
        if (path.isEmpty()) path.append('/');
        if (r.nextBoolean()) path.append('?').append(text(r, "ab=&+?/", 0, 10));
        List<String> headers = new ArrayList<>();
        int count = r.nextInt(6);
        while (headers.size() < count) {
            String name = text(r, "abcXYZ-_!#$'*+.^`|~09", 1, 10);
            if (Set.of("host", "content-length", "transfer-encoding", "connection", "expect", "upgrade")
                    .contains(name.toLowerCase(java.util.Locale.ROOT))) continue;
            headers.add(name + ": " + text(r, "abc XYZ;=,\"\t/09()", 0, 20).strip());
        }
        List<Integer> chunking = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(20); i < n; i++) chunking.add(1 + r.nextInt(64));
        return serialize(method, path.toString(), headers, bytes(r, 300), chunking, r.nextInt(3), false);
    }

    /** One to three requests back to back, as a pipelining client sends them. */
    static byte[] traffic(SplittableRandom r) {
        var out = new ByteArrayOutputStream();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) out.writeBytes(request(r));
        return out.toByteArray();
    }

    static final byte[] NASTY = {'\r', '\n', 0, ' ', ':', ';', '\t', 0x7f, (byte) 0xff, '0', 'f', '-', '%', '#', '/'};

    /** Well-formed traffic with a few bytes flipped, dropped, inserted or repeated. */
    static byte[] mutated(SplittableRandom r) {
        var bytes = new ArrayList<Byte>();
        for (byte b : traffic(r)) bytes.add(b);
        for (int m = 0, n = 1 + r.nextInt(4); m < n && !bytes.isEmpty(); m++) {
            int at = r.nextInt(bytes.size());
            byte nasty = NASTY[r.nextInt(NASTY.length)];
            switch (r.nextInt(4)) {
                case 0 -> bytes.set(at, nasty);
                case 1 -> bytes.remove(at);
                case 2 -> bytes.add(at, nasty);
                default -> bytes.addAll(at, new ArrayList<>(bytes.subList(at, Math.min(bytes.size(), at + 12))));
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) out[i] = bytes.get(i);
        return out;
    }

    /** Sizes of the pieces input is split into across reads (the rest comes at once). */
    static List<Integer> cuts(SplittableRandom r) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0, n = r.nextInt(31); i < n; i++) cuts.add(1 + r.nextInt(40));
        return cuts;
    }

    static byte[] serialize(
            String method,
            String target,
            List<String> headers,
            byte[] body,
            List<Integer> chunks,
            int framing,
            boolean close) {
        var out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: example.com\r\n");
        for (String h : headers) head.append(h).append("\r\n");
        if (close) head.append("Connection: close\r\n");
        if (framing == 1) head.append("Content-Length: ").append(body.length).append("\r\n");
        if (framing == 2) head.append("Transfer-Encoding: chunked\r\n");
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (framing == 1) out.writeBytes(body);
        if (framing == 2) {
            int at = 0;
            for (int i = 0; at < body.length; i++) {
                int n = Math.min(chunks.get(i % chunks.size()), body.length - at);
                out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, at, n);
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                at += n;
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }
}
