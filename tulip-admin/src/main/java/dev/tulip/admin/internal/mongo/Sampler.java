package dev.tulip.admin.internal.mongo;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The fields of a collection without a schema, from a sample of its documents: a field whose
 * values are all of one type is of that type (int and long both INTEGER), one of mixed types is
 * OTHER, a nested document is JSON, an array is an ARRAY of its elements' common type. Every
 * field but {@code _id} is nullable, since MongoDB requires none of them.
 */
final class Sampler {
    static final int SIZE = 200;

    private Sampler() {}

    static Found read(List<Document> sample) {
        Map<String, Set<Values.Kind>> kinds = new LinkedHashMap<>();
        Map<String, Set<Values.Kind>> elements = new LinkedHashMap<>();
        for (Document doc : sample) {
            for (Map.Entry<String, Object> e : doc.entrySet()) {
                String name = e.getKey();
                if (name.equals("_id") || name.startsWith("$") || name.contains(".")) continue;
                Set<Values.Kind> seen = kinds.computeIfAbsent(name, n -> new LinkedHashSet<>());
                if (e.getValue() == null) continue;
                seen.add(Values.kind(e.getValue()));
                if (e.getValue() instanceof List<?> list) {
                    Set<Values.Kind> items = elements.computeIfAbsent(name, n -> new LinkedHashSet<>());
                    for (Object item : list) if (item != null) items.add(Values.kind(item));
                }
            }
        }
        Values.Kind idKind = sample.isEmpty() || sample.getFirst().get("_id") == null
                ? new Values.Kind(FieldType.OBJECT_ID, "objectId")
                : Values.kind(sample.getFirst().get("_id"));
        List<Field> fields = new ArrayList<>();
        Map<String, String> bson = new LinkedHashMap<>();
        fields.add(Found.id(idKind));
        bson.put("_id", idKind.bson());
        kinds.forEach((name, seen) -> {
            FieldType type = common(seen);
            Optional<FieldType> element = type == FieldType.ARRAY
                    ? Optional.of(common(elements.getOrDefault(name, Set.of())))
                    : Optional.empty();
            fields.add(
                    new Field(name, type, element, true, false, false, List.of(), Rules.NONE, false, Optional.empty()));
            bson.put(name, flavour(type == FieldType.ARRAY ? elements.getOrDefault(name, Set.of()) : seen));
        });
        return new Found(fields, bson, Optional.empty());
    }

    private static FieldType common(Set<Values.Kind> kinds) {
        Set<FieldType> types = new LinkedHashSet<>();
        kinds.forEach(k -> types.add(k.type()));
        return types.size() == 1 ? types.iterator().next() : FieldType.OTHER;
    }

    private static String flavour(Set<Values.Kind> kinds) {
        boolean anyLong = kinds.stream().anyMatch(k -> k.bson().equals("long"));
        return anyLong ? "long" : kinds.isEmpty() ? "" : kinds.iterator().next().bson();
    }
}
