package dev.tulip.admin.internal;

import dev.tulip.admin.Action;
import dev.tulip.admin.spi.Backend;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Sort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A model as the admin shows it: the backend's description narrowed and shaped by the app's
 * options, every name already checked against the model.
 *
 * @param slug its name in URLs, unique within the admin
 * @param fields the fields a page may show (hidden ones removed), in the database's order
 * @param readOnly fields no form may set (the database's computed ones and the app's)
 */
public record AdminModel(
        String slug,
        String label,
        Backend backend,
        Model model,
        List<Field> fields,
        List<String> listFields,
        List<String> searchFields,
        List<String> filterFields,
        List<String> labelFields,
        Optional<Sort> ordering,
        Set<String> readOnly,
        Map<String, String> fieldLabels,
        List<ActionDef> actions) {

    /** A custom action, by name. */
    public record ActionDef(String name, String label, Action action) {}

    /** The shown field {@code name}, if there is one (hidden fields are not). */
    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public String labelOf(String field) {
        return fieldLabels.getOrDefault(field, Names.humanize(field));
    }

    /** Whether a form may set {@code field}. */
    public boolean editable(Field field) {
        return !readOnly.contains(field.name()) && field.type() != FieldType.BYTES && field.type() != FieldType.OTHER;
    }

    public Optional<ActionDef> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
