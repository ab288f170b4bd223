package dev.tulip.admin.internal;

import dev.tulip.HttpException;
import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Sort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A list page's query string read into a {@link ListQuery}: {@code q} (search), {@code sort}
 * ({@code name} or {@code -name}), {@code size}, {@code after} (a keyset cursor) or {@code offset},
 * and filters {@code f.<field>} (equals), {@code f.<field>:gte}, {@code f.<field>:lte} and
 * {@code f.<field>:null} ({@code 1} null, {@code 0} not null). Every field name is checked against
 * the model's allowed lists; anything else is a 400 naming what is allowed.
 */
public record ListParams(
        Optional<String> search,
        Optional<Sort> sort,
        int size,
        Optional<String> after,
        long offset,
        List<Condition> conditions,
        Map<String, String> filterParams) {

    static final Set<FieldType> UNSORTABLE = Set.of(FieldType.JSON, FieldType.BYTES, FieldType.ARRAY, FieldType.OTHER);
    static final int MAX_SEARCH = 200;

    public static ListParams read(AdminModel m, Map<String, List<String>> query, int defaultSize, int maxSize) {
        Optional<String> search = last(query, "q").map(String::strip).filter(s -> !s.isEmpty());
        if (search.isPresent() && search.get().length() > MAX_SEARCH)
            throw HttpException.badRequest("search text is limited to " + MAX_SEARCH + " characters");
        if (search.isPresent() && m.searchFields().isEmpty())
            throw HttpException.badRequest(m.label() + " has no searchable field");
        Optional<Sort> sort = last(query, "sort").filter(s -> !s.isEmpty()).map(s -> sort(m, s));
        int size = last(query, "size")
                .map(s -> number(s, "size"))
                .map(n -> (int) Math.min(n, maxSize))
                .orElse(defaultSize);
        if (size < 1) throw HttpException.badRequest("size must be at least 1");
        Optional<String> after = last(query, "after").filter(s -> !s.isEmpty());
        long offset = last(query, "offset").map(s -> number(s, "offset")).orElse(0L);
        if (offset < 0) throw HttpException.badRequest("offset must not be negative");
        if (after.isPresent() && offset > 0) throw HttpException.badRequest("give after or offset, not both");
        List<Condition> conditions = new ArrayList<>();
        Map<String, String> filterParams = new LinkedHashMap<>();
        for (var e : query.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("f.")) continue;
            String value = e.getValue().getLast();
            if (value.isEmpty()) continue; // an empty input of the filter form
            int colon = key.lastIndexOf(':');
            String name = colon > 1 ? key.substring(2, colon) : key.substring(2);
            String op = colon > 1 ? key.substring(colon + 1) : "eq";
            if (!m.filterFields().contains(name))
                throw HttpException.badRequest(
                        "no filter " + name + " on " + m.label() + "; filters: " + String.join(", ", m.filterFields()));
            Field f = m.field(name).orElseThrow();
            conditions.add(condition(f, op, value));
            filterParams.put(key, value);
        }
        return new ListParams(search, sort, size, after, offset, conditions, filterParams);
    }

    public ListQuery toQuery(AdminModel m) {
        Optional<Sort> effective = sort.or(m::ordering);
        return new ListQuery(conditions, search, m.searchFields(), effective, after, offset, size, m.listFields());
    }

    private static Sort sort(AdminModel m, String s) {
        boolean desc = s.startsWith("-");
        String name = desc ? s.substring(1) : s;
        Optional<Field> f = m.field(name)
                .filter(x ->
                        m.listFields().contains(name) || m.model().primaryKey().contains(name));
        if (f.isEmpty() || UNSORTABLE.contains(f.get().type()))
            throw HttpException.badRequest("cannot sort " + m.label() + " by " + name + "; sortable: "
                    + String.join(
                            ", ",
                            m.listFields().stream()
                                    .filter(n -> m.field(n)
                                            .map(x -> !UNSORTABLE.contains(x.type()))
                                            .orElse(false))
                                    .toList()));
        return new Sort(name, desc);
    }

    private static Condition condition(Field f, String op, String value) {
        try {
            return switch (op) {
                case "eq" -> new Condition(f.name(), Condition.Op.EQ, Values.parse(f, value));
                case "gte" -> new Condition(f.name(), Condition.Op.GTE, Values.parse(f, value));
                case "lte" -> new Condition(f.name(), Condition.Op.LTE, Values.parse(f, value));
                case "null" ->
                    switch (value) {
                        case "1" -> Condition.isNull(f.name());
                        case "0" -> Condition.notNull(f.name());
                        default -> throw HttpException.badRequest("filter " + f.name() + ":null takes 1 or 0");
                    };
                default -> throw HttpException.badRequest("no filter operator " + op + "; use :gte, :lte or :null");
            };
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("filter " + f.name() + " " + e.getMessage());
        }
    }

    private static long number(String s, String name) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw HttpException.badRequest(name + " must be a whole number");
        }
    }

    static Optional<String> last(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getLast());
    }
}
