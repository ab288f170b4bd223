package dev.tulip.admin.internal.mongo;

import com.mongodb.client.model.Filters;
import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.mongo.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A list's conditions and search as one {@link Filter}: field names only from the model, values
 * converted to their stored types and written as values, user text in a regex quoted
 * ({@code Pattern.quote}) and matched ignoring case.
 */
final class Conditions {
    private Conditions() {}

    static Filter of(Shape shape, List<Condition> conditions, Optional<String> search, List<String> searchFields) {
        List<Filter> parts = new ArrayList<>();
        for (Condition c : conditions) parts.add(of(shape, c));
        search.filter(s -> !s.isBlank()).ifPresent(text -> {
            List<Filter> any = new ArrayList<>();
            for (String name : searchFields) any.add(contains(shape.field(name).name(), text));
            if (!any.isEmpty()) parts.add(any.size() == 1 ? any.getFirst() : Filter.or(any.toArray(Filter[]::new)));
        });
        return and(parts);
    }

    static Filter and(List<Filter> parts) {
        if (parts.isEmpty()) return Filter.all();
        return parts.size() == 1 ? parts.getFirst() : Filter.and(parts.toArray(Filter[]::new));
    }

    static Filter contains(String path, String text) {
        return Filter.bson(Filters.regex(path, Pattern.quote(text), "i"));
    }

    private static Filter of(Shape shape, Condition c) {
        Field f = shape.field(c.field());
        String path = f.name();
        return switch (c.op()) {
            case EQ -> Filter.eq(path, elementValue(shape, f, c.value()));
            case NE -> Filter.ne(path, elementValue(shape, f, c.value()));
            case LT -> Filter.lt(path, elementValue(shape, f, c.value()));
            case LTE -> Filter.lte(path, elementValue(shape, f, c.value()));
            case GT -> Filter.gt(path, elementValue(shape, f, c.value()));
            case GTE -> Filter.gte(path, elementValue(shape, f, c.value()));
            case IN -> in(shape, f, (List<?>) c.value());
            case CONTAINS -> contains(path, String.valueOf(c.value()));
            case IS_NULL -> Filter.eq(path, null);
            case NOT_NULL -> Filter.ne(path, null);
        };
    }

    private static Filter in(Shape shape, Field f, List<?> values) {
        Filter in = Filter.in(
                f.name(),
                values.stream()
                        .filter(Objects::nonNull)
                        .map(v -> elementValue(shape, f, v))
                        .toList());
        return values.stream().anyMatch(Objects::isNull) ? Filter.or(in, Filter.eq(f.name(), null)) : in;
    }

    /** A condition's value as stored; on an array field, a single value compares with its elements. */
    static Object elementValue(Shape shape, Field f, Object v) {
        if (f.type() == FieldType.ARRAY && !(v instanceof List<?>)) {
            Field element = new Field(
                    f.name(),
                    f.elementType().orElse(FieldType.OTHER),
                    Optional.empty(),
                    true,
                    false,
                    false,
                    f.enumValues(),
                    f.rules(),
                    false,
                    Optional.empty());
            return Values.stored(element, shape.bson().getOrDefault(f.name(), ""), v);
        }
        return shape.stored(f.name(), v);
    }
}
