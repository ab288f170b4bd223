package dev.tulip.pg;

import dev.tulip.pg.internal.Values;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.desc.ColumnDescriptor;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Vert.x results as the module's rows and JSON trees. */
final class Rows {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Rows() {}

    static List<Row> of(RowSet<io.vertx.sqlclient.Row> set) {
        List<ColumnDescriptor> desc = set.columnDescriptors();
        List<String> names = new ArrayList<>(desc.size());
        boolean[] json = new boolean[desc.size()];
        for (int i = 0; i < desc.size(); i++) {
            names.add(desc.get(i).name());
            String type = String.valueOf(desc.get(i).typeName()).toLowerCase(java.util.Locale.ROOT);
            json[i] = type.contains("json");
        }
        List<String> columns = List.copyOf(names);
        List<Row> out = new ArrayList<>(set.size());
        for (io.vertx.sqlclient.Row r : set) {
            Object[] values = new Object[json.length];
            for (int i = 0; i < values.length; i++) values[i] = Values.out(r.getValue(i), json[i]);
            out.add(new Row(columns, values));
        }
        return out;
    }

    static <T> List<T> as(Class<T> type, List<Row> rows, Shapes shapes) {
        if (rows.isEmpty()) return List.of();
        RecordShape<T> shape = shapes.of(type, rows.getFirst().columns());
        List<T> out = new ArrayList<>(rows.size());
        for (Row r : rows) out.add(shape.make(r));
        return out;
    }

    static ArrayNode json(List<Row> rows) {
        ArrayNode arr = NODES.arrayNode(rows.size());
        for (Row r : rows) {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < r.columns().size(); i++) o.set(r.columns().get(i), node(r.value(i)));
            arr.add(o);
        }
        return arr;
    }

    static JsonNode node(Object v) {
        return switch (v) {
            case null -> NODES.nullNode();
            case JsonNode n -> n;
            case String s -> NODES.stringNode(s);
            case Boolean b -> NODES.booleanNode(b);
            case Integer n -> NODES.numberNode(n);
            case Long n -> NODES.numberNode(n);
            case Short n -> NODES.numberNode(n);
            case Double d -> d.isNaN() || d.isInfinite() ? NODES.stringNode(d.toString()) : NODES.numberNode(d);
            case Float f -> f.isNaN() || f.isInfinite() ? NODES.stringNode(f.toString()) : NODES.numberNode(f);
            case java.math.BigDecimal d -> NODES.numberNode(d);
            case byte[] b -> NODES.stringNode(Base64.getEncoder().encodeToString(b));
            case TemporalAccessor t -> NODES.stringNode(t.toString());
            case Object[] arr -> {
                ArrayNode a = NODES.arrayNode(arr.length);
                for (Object x : arr) a.add(node(x));
                yield a;
            }
            default -> NODES.stringNode(v.toString());
        };
    }
}
