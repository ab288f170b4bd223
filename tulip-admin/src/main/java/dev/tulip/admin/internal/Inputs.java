package dev.tulip.admin.internal;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.Relation;
import dev.tulip.admin.spi.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The form input for a field: the native input of its type, its rules as attributes. */
final class Inputs {
    private Inputs() {}

    static Views.Input of(
            Pages pages,
            AdminModel m,
            Field f,
            String id,
            String value,
            boolean settable,
            boolean creating,
            Optional<String> error) {
        String label = m.labelOf(f.name());
        Optional<String> help = f.help();
        if (!settable)
            return new Views.Input(
                    "",
                    id,
                    label,
                    "readonly",
                    value,
                    false,
                    error,
                    help,
                    List.of(),
                    "",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        boolean required =
                !f.nullable() && !(creating && f.hasDefault()) && f.type() != dev.tulip.admin.spi.FieldType.BOOLEAN;
        Rules r = f.rules();
        Optional<String> min = r.min().map(java.math.BigDecimal::toPlainString);
        Optional<String> max = r.max().map(java.math.BigDecimal::toPlainString);
        Optional<String> minLength = r.minLength().isPresent()
                ? Optional.of(Integer.toString(r.minLength().getAsInt()))
                : Optional.empty();
        Optional<String> maxLength = r.maxLength().isPresent()
                ? Optional.of(Integer.toString(r.maxLength().getAsInt()))
                : Optional.empty();
        List<Views.Option> options = new ArrayList<>();
        String step = "";
        Optional<String> lookup = Optional.empty();
        Optional<String> link = Optional.empty();
        String kind;
        Optional<Relation> rel = m.model().referenceOf(f.name());
        if (rel.isPresent() && pages.registry().target(m, rel.get()).isPresent()) {
            AdminModel t = pages.registry().target(m, rel.get()).get();
            kind = "reference";
            lookup = Optional.of(pages.listHref(t) + "/lookup");
            link = Optional.of(pages.listHref(t));
            help = Optional.of(
                    help.map(h -> h + " ").orElse("") + "The id of a " + t.label() + " record; type to search.");
        } else {
            kind = switch (f.type()) {
                case BOOLEAN -> f.nullable() ? "tristate" : "checkbox";
                case ENUM -> "select";
                case INTEGER -> {
                    step = "1";
                    yield "number";
                }
                case DECIMAL, FLOAT -> {
                    step = "any";
                    yield "number";
                }
                case DATE -> "date";
                case TIME -> {
                    step = "1";
                    yield "time";
                }
                case TIMESTAMP, TIMESTAMPTZ -> {
                    step = "1";
                    yield "datetime";
                }
                case JSON, ARRAY -> "json";
                case TEXT -> value.contains("\n") || value.length() > 200 ? "textarea" : "text";
                default -> "text";
            };
        }
        if (f.type() == dev.tulip.admin.spi.FieldType.TIMESTAMPTZ)
            help = Optional.of(help.map(h -> h + " ").orElse("") + "In UTC.");
        if (f.type() == dev.tulip.admin.spi.FieldType.ARRAY)
            help = Optional.of(help.map(h -> h + " ").orElse("") + "A JSON array, like [\"a\", \"b\"].");
        if (kind.equals("select")) for (String e : f.enumValues()) options.add(new Views.Option(e, e, e.equals(value)));
        if (kind.equals("tristate")) {
            options.add(new Views.Option("true", "Yes", value.equals("true")));
            options.add(new Views.Option("false", "No", value.equals("false")));
        }
        return new Views.Input(
                Forms.PREFIX + f.name(),
                id,
                label,
                kind,
                value,
                required,
                error,
                help,
                options,
                step,
                min,
                max,
                minLength,
                maxLength,
                lookup,
                link);
    }
}
