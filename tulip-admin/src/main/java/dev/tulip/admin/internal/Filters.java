package dev.tulip.admin.internal;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A list's filters as form inputs, and the active ones as chips that remove themselves. */
final class Filters {
    private Filters() {}

    static List<Views.FilterView> views(AdminModel m, ListParams p) {
        Map<String, String> sent = p.filterParams();
        List<Views.FilterView> out = new ArrayList<>();
        for (String name : m.filterFields()) {
            Field f = m.field(name).orElseThrow();
            String value = sent.getOrDefault("f." + name, "");
            String kind;
            List<Views.Option> options = new ArrayList<>();
            if (m.model().referenceOf(name).isPresent()) kind = "reference";
            else if (f.type() == FieldType.BOOLEAN) kind = "boolean";
            else if (f.type() == FieldType.ENUM) {
                kind = "choice";
                for (String e : f.enumValues()) options.add(new Views.Option(e, e, e.equals(value)));
            } else if (ListPage.isRange(f.type())) kind = "range";
            else kind = "reference"; // text and ids: an exact value
            String inputType = switch (f.type()) {
                case DATE -> "date";
                case TIMESTAMP, TIMESTAMPTZ -> "datetime-local";
                default -> "number";
            };
            out.add(new Views.FilterView(
                    name,
                    m.labelOf(name),
                    kind,
                    inputType,
                    value,
                    sent.getOrDefault("f." + name + ":gte", ""),
                    sent.getOrDefault("f." + name + ":lte", ""),
                    sent.getOrDefault("f." + name + ":null", ""),
                    f.nullable(),
                    options));
        }
        return out;
    }

    static List<Views.Chip> chips(
            AdminModel m, ListParams p, Function<Map<String, String>, String> href, Map<String, String> state) {
        List<Views.Chip> out = new ArrayList<>();
        for (var e : p.filterParams().entrySet()) {
            String key = e.getKey();
            int colon = key.lastIndexOf(':');
            String name = colon > 1 ? key.substring(2, colon) : key.substring(2);
            String op = colon > 1 ? key.substring(colon + 1) : "eq";
            Field f = m.field(name).orElseThrow();
            String label = m.labelOf(name);
            String v = e.getValue();
            String text = switch (op) {
                case "gte" -> label + " ≥ " + v;
                case "lte" -> label + " ≤ " + v;
                case "null" -> label + (v.equals("1") ? " is empty" : " is not empty");
                default -> label + ": " + (f.type() == FieldType.BOOLEAN ? (v.equals("true") ? "Yes" : "No") : v);
            };
            out.add(new Views.Chip(text, href.apply(ListPage.without(state, key, "after", "offset"))));
        }
        return out;
    }
}
