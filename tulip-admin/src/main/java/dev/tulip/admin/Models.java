package dev.tulip.admin;

import dev.tulip.admin.internal.AdminModel;
import dev.tulip.admin.internal.Names;
import dev.tulip.admin.spi.Backend;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Sort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The backends' models shaped by the app's {@link ModelOptions}, every name checked. */
final class Models {
    private static final Set<FieldType> FILTERABLE = Set.of(
            FieldType.BOOLEAN,
            FieldType.ENUM,
            FieldType.INTEGER,
            FieldType.DECIMAL,
            FieldType.FLOAT,
            FieldType.DATE,
            FieldType.TIMESTAMP,
            FieldType.TIMESTAMPTZ);

    private Models() {}

    static List<AdminModel> shape(AdminConfig config, Map<String, Backend> backends) {
        List<AdminModel> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Map<Backend, List<Model>> all = new LinkedHashMap<>();
        backends.values().forEach(b -> all.put(b, b.models()));
        for (var e : backends.entrySet()) {
            for (Model m : all.get(e.getValue())) {
                seen.add(m.name());
                if (config.only.isPresent() && !config.only.get().contains(m.name())) continue;
                ModelOptions o = config.models.getOrDefault(m.name(), new ModelOptions());
                if (o.excluded) continue;
                String slug = slug(m.name(), e.getKey(), taken);
                out.add(shape(slug, e.getValue(), m, o));
            }
        }
        for (String named : config.models.keySet())
            if (!seen.contains(named))
                throw new IllegalStateException(
                        "admin options name model " + named + ", which no database has; models: "
                                + String.join(", ", seen.stream().sorted().toList()));
        return out;
    }

    private static String slug(String name, String source, Set<String> taken) {
        String base = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        String slug = taken.contains(base) ? source + "." + base : base;
        taken.add(slug);
        return slug;
    }

    private static AdminModel shape(String slug, Backend backend, Model m, ModelOptions o) {
        Set<String> known = new LinkedHashSet<>();
        m.fields().forEach(f -> known.add(f.name()));
        check(m, known, o.listFields, "listFields");
        check(m, known, o.searchFields, "searchFields");
        check(m, known, o.filters, "filters");
        check(m, known, o.labelFields, "labelFields");
        check(m, known, List.copyOf(o.readOnly), "readOnly");
        check(m, known, List.copyOf(o.hidden), "hidden");
        check(m, known, List.copyOf(o.labels.keySet()), "fieldLabel");
        Set<String> hidden = new HashSet<>(o.hidden);
        for (Field f : m.fields())
            if (Names.secret(f.name()) && !m.primaryKey().contains(f.name())) hidden.add(f.name());
        for (String k : m.primaryKey())
            if (hidden.contains(k))
                throw new IllegalStateException(m.name() + ": the key field " + k + " cannot be hidden");
        List<Field> fields =
                m.fields().stream().filter(f -> !hidden.contains(f.name())).toList();
        List<String> shown = fields.stream().map(Field::name).toList();
        for (String f : o.listFields) if (hidden.contains(f)) throw hiddenUse(m, f, "listFields");
        for (String f : o.searchFields) if (hidden.contains(f)) throw hiddenUse(m, f, "searchFields");
        for (String f : o.filters) if (hidden.contains(f)) throw hiddenUse(m, f, "filters");

        List<String> list = o.listFields.isEmpty()
                ? fields.stream()
                        .filter(f -> f.type() != FieldType.BYTES && f.type() != FieldType.JSON)
                        .map(Field::name)
                        .limit(8)
                        .toList()
                : o.listFields;
        List<String> search = o.searchFields.isEmpty()
                ? fields.stream()
                        .filter(f -> list.contains(f.name()) && f.type() == FieldType.TEXT)
                        .map(Field::name)
                        .toList()
                : o.searchFields;
        List<String> filters = o.filters.isEmpty()
                ? fields.stream()
                        .filter(f ->
                                FILTERABLE.contains(f.type()) && !m.primaryKey().contains(f.name())
                                        || m.referenceOf(f.name()).isPresent())
                        .map(Field::name)
                        .toList()
                : o.filters;
        List<String> labels = o.labelFields.isEmpty()
                ? fields.stream()
                        .filter(f ->
                                f.type() == FieldType.TEXT && !m.primaryKey().contains(f.name()))
                        .map(Field::name)
                        .limit(1)
                        .toList()
                : o.labelFields;
        Optional<Sort> ordering = o.ordering.map(s -> {
            boolean desc = s.startsWith("-");
            String f = desc ? s.substring(1) : s;
            if (!shown.contains(f))
                throw new IllegalStateException(m.name() + ": ordering names " + f + ", not a shown field");
            return new Sort(f, desc);
        });
        Set<String> readOnly = new LinkedHashSet<>(o.readOnly);
        fields.stream().filter(Field::readOnly).forEach(f -> readOnly.add(f.name()));
        Map<String, String> fieldLabels = new LinkedHashMap<>(o.labels);
        String label = o.label.orElseGet(() -> Names.humanize(m.name()));
        return new AdminModel(
                slug,
                label,
                backend,
                m,
                fields,
                list,
                search,
                filters,
                labels,
                ordering,
                readOnly,
                fieldLabels,
                o.actionList().stream()
                        .map(a -> new AdminModel.ActionDef(a.name(), a.label(), a.action()))
                        .toList());
    }

    private static void check(Model m, Set<String> known, List<String> names, String option) {
        for (String n : names)
            if (!known.contains(n))
                throw new IllegalStateException("admin option " + option + " of " + m.name() + " names " + n
                        + ", which it does not have; fields: " + String.join(", ", known));
    }

    private static IllegalStateException hiddenUse(Model m, String f, String option) {
        return new IllegalStateException(m.name() + ": " + f + " is hidden, so it cannot be in " + option);
    }
}
