package dev.tulip.web;

import dev.tulip.Request;
import dev.tulip.Response;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The response {@link StaticFiles} sends for one found file: validators, preconditions, ranges. */
final class FileResponses {
    private FileResponses() {}

    static Response respond(
            Request req,
            Asset a,
            String type,
            Optional<String> coding,
            boolean varies,
            String cacheControl,
            boolean zeroCopy) {
        // a sibling is another representation: its tag must differ from the plain file's in any case
        String etag = coding.map(c -> a.etag().substring(0, a.etag().length() - 1) + "-" + c + "\"")
                .orElse(a.etag());
        Response r = switch (Preconditions.evaluate(req, etag, a.modified())) {
            case FAILED -> Response.error(412, "the file does not match the request's preconditions");
            case NOT_MODIFIED -> Response.of(304);
            case PROCEED -> body(req, a, type, etag, zeroCopy);
        };
        if (r.status() == 412) return r;
        r.header("ETag", etag).header("Cache-Control", cacheControl);
        if (a.modified() >= 0) r.header("Last-Modified", HttpDates.format(a.modified()));
        if (varies) r.header("Vary", "Accept-Encoding");
        if (r.status() == 304) return r;
        coding.ifPresent(c -> r.header("Content-Encoding", c));
        return r.header("Accept-Ranges", "bytes").header("X-Content-Type-Options", "nosniff");
    }

    private static Response body(Request req, Asset a, String type, String etag, boolean zeroCopy) {
        long length = a.length();
        Optional<String> range = req.header("Range");
        if (range.isEmpty() || !req.method().equals("GET") || !Preconditions.rangeApplies(req, etag, a.modified()))
            return a.body(0, length, type, zeroCopy);
        return switch (ByteRanges.parse(range.get(), length)) {
            case ByteRanges.Whole w -> a.body(0, length, type, zeroCopy);
            case ByteRanges.Unsatisfiable u ->
                Response.error(416, "no byte of the range is inside the file's " + length + " bytes")
                        .header("Content-Range", "bytes */" + length);
            case ByteRanges.Some s
            when s.ranges().size() == 1 -> {
                ByteRanges.Range one = s.ranges().getFirst();
                yield a.body(one.start(), one.length(), type, zeroCopy)
                        .status(206)
                        .header("Content-Range", contentRange(one, length));
            }
            case ByteRanges.Some s -> multipart(a, type, s.ranges());
        };
    }

    /** Several ranges as {@code multipart/byteranges} (RFC 9110 §14.6), copied from the file as they are sent. */
    private static Response multipart(Asset a, String type, List<ByteRanges.Range> ranges) {
        String boundary = Long.toHexString(ThreadLocalRandom.current().nextLong()) + "tulip";
        return Response.stream("multipart/byteranges; boundary=" + boundary, out -> {
                    for (ByteRanges.Range r : ranges) {
                        ascii(
                                out,
                                "\r\n--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Range: "
                                        + contentRange(r, a.length()) + "\r\n\r\n");
                        a.copyTo(out, r.start(), r.length());
                    }
                    ascii(out, "\r\n--" + boundary + "--\r\n");
                })
                .status(206);
    }

    private static String contentRange(ByteRanges.Range r, long length) {
        return "bytes " + r.start() + "-" + r.end() + "/" + length;
    }

    private static void ascii(OutputStream out, String s) throws java.io.IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }
}
