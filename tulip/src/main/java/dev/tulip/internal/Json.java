package dev.tulip.internal;

import dev.tulip.HttpException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The default JSON mapper and the translation of Jackson's read errors into 400s. */
public final class Json {
    /** Read limits of the default mapper; the body-size limit bounds the document as a whole. */
    public static final int MAX_NESTING_DEPTH = 128;

    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_STRING_LENGTH = 1_000_000;
    public static final int MAX_NAME_LENGTH = 10_000;

    /**
     * A new mapper of the default kind: strict about shape, bounded in size, with buffers pooled
     * per event loop. One per app, so no buffer pool is shared between apps.
     */
    public static JsonMapper newDefaultMapper() {
        return JsonMapper.builder(JsonFactory.builder()
                        .recyclerPool(new JsonBufferPool())
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_NESTING_DEPTH)
                                .maxNumberLength(MAX_NUMBER_LENGTH)
                                .maxStringLength(MAX_STRING_LENGTH)
                                .maxNameLength(MAX_NAME_LENGTH)
                                .build())
                        .build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // a primitive absent from the body is an error, like an explicit null, not a silent 0/false
                .withConfigOverride(int.class, Json::failOnNull)
                .withConfigOverride(long.class, Json::failOnNull)
                .withConfigOverride(double.class, Json::failOnNull)
                .withConfigOverride(float.class, Json::failOnNull)
                .withConfigOverride(boolean.class, Json::failOnNull)
                .withConfigOverride(short.class, Json::failOnNull)
                .withConfigOverride(byte.class, Json::failOnNull)
                .withConfigOverride(char.class, Json::failOnNull)
                .build();
    }

    private static void failOnNull(tools.jackson.databind.cfg.MutableConfigOverride o) {
        o.setNullHandling(com.fasterxml.jackson.annotation.JsonSetter.Value.forValueNulls(
                com.fasterxml.jackson.annotation.Nulls.FAIL));
    }

    private Json() {}

    /** A 400 that says what is wrong with a request body that failed to read as {@code target}. */
    public static HttpException badRequest(JacksonException e, String target) {
        String what = limitExceeded(e)
                ? "JSON exceeds a limit"
                : e instanceof StreamReadException ? "Malformed JSON" : "JSON does not match " + target;
        StringBuilder msg = new StringBuilder(what).append(": ").append(firstLine(e.getOriginalMessage()));
        String path = e.getPathReference();
        if (path != null && !path.isEmpty() && !(e instanceof StreamReadException)) {
            msg.append(" (at ").append(jsonPath(e)).append(')');
        } else {
            TokenStreamLocation loc = e.getLocation();
            if (loc != null && loc.getLineNr() > 0) {
                msg.append(" (line ")
                        .append(loc.getLineNr())
                        .append(", column ")
                        .append(loc.getColumnNr())
                        .append(')');
            }
        }
        return new HttpException(400, msg.toString(), e);
    }

    private static boolean limitExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.core.exc.StreamConstraintsException) return true;
        }
        return false;
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) sb.append('.').append(r.getPropertyName());
            else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable body";
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
