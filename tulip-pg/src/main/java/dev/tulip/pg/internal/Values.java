package dev.tulip.pg.internal;

import dev.tulip.pg.Interval;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Values between Java and Vert.x's pg client: parameters in, column values out. Out, {@code bytea}
 * is {@code byte[]}, {@code numeric} a {@link BigDecimal} (its NaN {@link Double#NaN}),
 * {@code json}/{@code jsonb} a Jackson {@link JsonNode}, {@code interval} an {@link Interval},
 * arrays Java arrays; the rest is Vert.x's own mapping (java.time, UUID, boxed numbers).
 */
public final class Values {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Values() {}

    /** The parameters as a tuple, each converted. */
    public static Tuple tuple(Object[] params) {
        Tuple t = Tuple.tuple();
        for (Object p : params) t.addValue(in(p));
        return t;
    }

    /** Batches of parameters as tuples. */
    public static List<Tuple> tuples(List<Object[]> batch) {
        return batch.stream().map(Values::tuple).toList();
    }

    static Object in(Object v) {
        return switch (v) {
            case null -> null;
            case byte[] b -> Buffer.buffer(b);
            case BigDecimal d -> Numeric.create(d);
            case JsonNode n -> jsonIn(n);
            case Interval i -> intervalIn(i);
            case Enum<?> e -> e.name();
            case byte[][] bs -> mapArray(bs, Buffer.class, Values::in);
            case BigDecimal[] ds -> mapArray(ds, Numeric.class, Values::in);
            case JsonNode[] ns -> mapArray(ns, Object.class, Values::in);
            case Interval[] is -> mapArray(is, io.vertx.pgclient.data.Interval.class, Values::in);
            case List<?> list ->
                throw new IllegalArgumentException(
                        "pass a Java array for a PostgreSQL array parameter (e.g. new Integer[] {1, 2}), not a List");
            default -> v;
        };
    }

    private static Object jsonIn(JsonNode n) {
        if (n.isObject()) return new JsonObject(n.toString());
        if (n.isArray()) return new JsonArray(n.toString());
        if (n.isNull()) return Tuple.JSON_NULL;
        if (n.isString()) return n.asString();
        if (n.isBoolean()) return n.asBoolean();
        return n.numberValue();
    }

    private static io.vertx.pgclient.data.Interval intervalIn(Interval i) {
        long micros = i.micros();
        long seconds = micros / 1_000_000;
        return new io.vertx.pgclient.data.Interval(
                i.months() / 12,
                i.months() % 12,
                i.days(),
                (int) (seconds / 3600),
                (int) (seconds % 3600 / 60),
                (int) (seconds % 60),
                (int) (micros % 1_000_000));
    }

    /** A column value converted out; {@code json} says the column is {@code json}/{@code jsonb}. */
    public static Object out(Object v, boolean json) {
        if (json) return jsonOut(v);
        return switch (v) {
            case null -> null;
            case Buffer b -> b.getBytes();
            case Numeric n -> n.isNaN() ? (Object) Double.NaN : n.bigDecimalValue();
            case io.vertx.pgclient.data.Interval i -> intervalOut(i);
            case Buffer[] bs -> mapArray(bs, byte[].class, x -> out(x, false));
            case Numeric[] ns -> mapArray(ns, Object.class, x -> out(x, false));
            case io.vertx.pgclient.data.Interval[] is -> mapArray(is, Interval.class, x -> out(x, false));
            case JsonObject o -> jsonOut(o);
            case JsonArray a -> jsonOut(a);
            default -> v;
        };
    }

    private static Object jsonOut(Object v) {
        return switch (v) {
            case null -> null;
            case Object[] arr -> mapArray(arr, JsonNode.class, Values::jsonOut);
            case JsonObject o -> JSON.readTree(o.encode());
            case JsonArray a -> JSON.readTree(a.encode());
            case String s -> JsonNodeFactory.instance.stringNode(s);
            case Boolean b -> JsonNodeFactory.instance.booleanNode(b);
            case Number n -> JSON.readTree(n.toString());
            default -> v == Tuple.JSON_NULL ? JsonNodeFactory.instance.nullNode() : JSON.valueToTree(v);
        };
    }

    private static Interval intervalOut(io.vertx.pgclient.data.Interval i) {
        long micros = ((i.getHours() * 60L + i.getMinutes()) * 60L + i.getSeconds()) * 1_000_000L + i.getMicroseconds();
        return new Interval(i.getYears() * 12 + i.getMonths(), i.getDays(), micros);
    }

    private static <A, B> B[] mapArray(A[] in, Class<B> type, java.util.function.Function<Object, Object> f) {
        @SuppressWarnings("unchecked")
        B[] out = (B[]) Array.newInstance(type, in.length);
        for (int i = 0; i < in.length; i++) {
            @SuppressWarnings("unchecked")
            B b = (B) f.apply(in[i]);
            out[i] = b;
        }
        return out;
    }
}
