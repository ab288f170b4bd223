package dev.tulip.admin;

import dev.tulip.admin.spi.Backend;
import dev.tulip.admin.spi.Choice;
import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.ConstraintViolation;
import dev.tulip.admin.spi.Count;
import dev.tulip.admin.spi.Dependents;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A backend in memory for the admin's page and security tests: offset pages, exact counts, every call recorded. */
final class MemoryBackend implements Backend {
    final Map<String, Model> models = new LinkedHashMap<>();
    final Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<ListQuery> queries = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(100);

    MemoryBackend add(Model m, List<Map<String, Object>> rows) {
        models.put(m.name(), m);
        List<Map<String, Object>> copy = new CopyOnWriteArrayList<>();
        rows.forEach(r -> copy.add(new LinkedHashMap<>(r)));
        data.put(m.name(), copy);
        return this;
    }

    @Override
    public String kind() {
        return "Memory";
    }

    @Override
    public List<Model> models() {
        return List.copyOf(models.values());
    }

    @Override
    public Page list(Model m, ListQuery q) {
        calls.add("list " + m.name());
        queries.add(q);
        List<Map<String, Object>> rows = new ArrayList<>(matching(m, q.conditions(), q.search(), q.searchFields()));
        if (q.sort().isPresent()) {
            Comparator<Map<String, Object>> c = Comparator.comparing(
                    r -> String.valueOf(r.get(q.sort().get().field())));
            rows.sort(q.sort().get().descending() ? c.reversed() : c);
        }
        int from = (int) Math.min(q.offset(), rows.size());
        int to = Math.min(from + q.limit(), rows.size());
        return new Page(rows.subList(from, to), Optional.empty(), false, to < rows.size());
    }

    private List<Map<String, Object>> matching(
            Model m, List<Condition> cs, Optional<String> search, List<String> fields) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : data.get(m.name())) {
            boolean ok = cs.stream().allMatch(c -> test(c, r.get(c.field())));
            if (ok && search.isPresent())
                ok = fields.stream()
                        .anyMatch(f -> r.get(f) != null
                                && r.get(f)
                                        .toString()
                                        .toLowerCase(Locale.ROOT)
                                        .contains(search.get().toLowerCase(Locale.ROOT)));
            if (ok) out.add(r);
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean test(Condition c, Object v) {
        return switch (c.op()) {
            case IS_NULL -> v == null;
            case NOT_NULL -> v != null;
            case EQ -> c.value().equals(v);
            case NE -> !c.value().equals(v);
            case GTE -> v != null && ((Comparable) v).compareTo(c.value()) >= 0;
            case LTE -> v != null && ((Comparable) v).compareTo(c.value()) <= 0;
            case GT -> v != null && ((Comparable) v).compareTo(c.value()) > 0;
            case LT -> v != null && ((Comparable) v).compareTo(c.value()) < 0;
            case IN -> ((List<?>) c.value()).contains(v);
            case CONTAINS -> v != null && v.toString().contains(c.value().toString());
        };
    }

    @Override
    public Count count(Model m, List<Condition> cs, Optional<String> search, List<String> fields, boolean exact) {
        calls.add("count " + m.name());
        return Count.exact(matching(m, cs, search, fields).size());
    }

    @Override
    public Optional<Map<String, Object>> find(Model m, Id id) {
        calls.add("find " + m.name());
        return data.get(m.name()).stream()
                .filter(r -> idOf(m, r).equals(id))
                .findFirst()
                .map(LinkedHashMap::new);
    }

    @Override
    public Map<Id, Map<String, Object>> findAll(Model m, Collection<Id> ids, List<String> fields) {
        calls.add("findAll " + m.name());
        Map<Id, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : data.get(m.name())) if (ids.contains(idOf(m, r))) out.put(idOf(m, r), r);
        return out;
    }

    @Override
    public List<Choice> lookup(Model m, String term, List<String> labelFields, int limit) {
        calls.add("lookup " + m.name());
        List<Choice> out = new ArrayList<>();
        for (Map<String, Object> r : data.get(m.name()))
            for (String f : labelFields)
                if (r.get(f) != null
                        && r.get(f).toString().toLowerCase(Locale.ROOT).contains(term.toLowerCase(Locale.ROOT)))
                    out.add(new Choice(idOf(m, r), r.get(f).toString()));
        return out.stream().limit(limit).toList();
    }

    @Override
    public Id insert(Model m, Map<String, Object> values) {
        calls.add("insert " + m.name());
        for (Field f : m.fields())
            if (f.unique()
                    && values.get(f.name()) != null
                    && data.get(m.name()).stream()
                            .anyMatch(r -> values.get(f.name()).equals(r.get(f.name()))))
                throw new ConstraintViolation(
                        Optional.of(f.name()),
                        Optional.of(m.name() + "_" + f.name() + "_key"),
                        "must be unique: a record with this " + f.name() + " exists",
                        null);
        Map<String, Object> r = new LinkedHashMap<>();
        for (Field f : m.fields()) r.put(f.name(), null);
        String key = m.primaryKey().getFirst();
        r.put(key, ids.incrementAndGet());
        r.putAll(values);
        data.get(m.name()).add(r);
        return idOf(m, r);
    }

    @Override
    public boolean update(Model m, Id id, Map<String, Object> values) {
        calls.add("update " + m.name());
        for (Map<String, Object> r : data.get(m.name()))
            if (idOf(m, r).equals(id)) {
                r.putAll(values);
                return true;
            }
        return false;
    }

    @Override
    public long delete(Model m, List<Id> ids) {
        calls.add("delete " + m.name());
        List<Map<String, Object>> rows = data.get(m.name());
        long before = rows.size();
        rows.removeIf(r -> ids.contains(idOf(m, r)));
        return before - rows.size();
    }

    @Override
    public List<Dependents> dependents(Model m, List<Id> ids, int sampleSize) {
        calls.add("dependents " + m.name());
        List<Dependents> out = new ArrayList<>();
        for (var rel : m.referencedBy()) {
            Model src = models.get(rel.model());
            List<Id> sample = new ArrayList<>();
            long n = 0;
            for (Map<String, Object> r : data.get(src.name())) {
                Object v = r.get(rel.fields().getFirst());
                if (v != null && ids.contains(Id.of(v.toString()))) {
                    n++;
                    if (sample.size() < sampleSize) sample.add(idOf(src, r));
                }
            }
            out.add(new Dependents(rel, n, sample));
        }
        return out;
    }

    @Override
    public Id idOf(Model m, Map<String, Object> r) {
        return new Id(m.primaryKey().stream().map(k -> String.valueOf(r.get(k))).toList());
    }
}
