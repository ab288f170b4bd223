package dev.tulip.admin.internal;

import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.admin.spi.Count;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.Page;
import dev.tulip.admin.spi.Relation;
import dev.tulip.admin.spi.Sort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The list of a model: one query for the page, one count (estimated when exact would cost), and
 * one query per referenced model for the labels of the page's references — never one per row.
 */
public final class ListPage {
    private final Pages pages;

    public ListPage(Pages pages) {
        this.pages = pages;
    }

    public Response get(Request req, Principal user) {
        AdminModel m = pages.model(req, user);
        ListParams params = ListParams.read(m, req.queryParams(), pages.pageSize, pages.maxPageSize);
        Page page = m.backend().list(m.model(), params.toQuery(m));
        boolean exact = req.query("count").map("exact"::equals).orElse(false);
        Count count = m.backend().count(m.model(), params.conditions(), params.search(), m.searchFields(), exact);
        Map<String, Map<Id, Map<String, Object>>> refs = references(m, page.rows());

        Map<String, String> state = state(params);
        List<Views.Column> columns = new ArrayList<>();
        Optional<Sort> sort = params.sort().or(m::ordering);
        for (String name : m.listFields()) {
            Field f = m.field(name).orElseThrow();
            String sorted = sort.filter(s -> s.field().equals(name))
                    .map(s -> s.descending() ? "desc" : "asc")
                    .orElse("");
            Optional<String> href = ListParams.UNSORTABLE.contains(f.type())
                    ? Optional.empty()
                    : Optional.of(href(
                            m,
                            with(without(state, "after", "offset"), "sort", sorted.equals("asc") ? "-" + name : name)));
            columns.add(new Views.Column(name, m.labelOf(name), href, sorted));
        }
        List<Views.RowView> rows = new ArrayList<>();
        for (Map<String, Object> r : page.rows()) {
            Id id = m.backend().idOf(m.model(), r);
            List<Views.Cell> cells = new ArrayList<>();
            for (String name : m.listFields()) cells.add(cell(m, name, r.get(name), refs));
            rows.add(new Views.RowView(id.encoded(), pages.recordHref(m, id), cells));
        }
        Optional<String> first = Optional.empty(), prev = Optional.empty(), next = Optional.empty();
        Map<String, String> paging = without(state, "after", "offset");
        if (params.after().isPresent() || params.offset() > 0) first = Optional.of(href(m, paging));
        if (!page.keyset() && params.offset() > 0)
            prev = Optional.of(href(
                    m, with(paging, "offset", Long.toString(Math.max(0, params.offset() - params.size())))));
        if (page.hasMore()) {
            next = page.keyset() && page.next().isPresent()
                    ? Optional.of(href(m, with(paging, "after", page.next().get())))
                    : Optional.of(href(m, with(paging, "offset", Long.toString(params.offset() + params.size()))));
        }
        List<Views.Option> actions = new ArrayList<>();
        if (user.can(m, Principal.Perm.DELETE)) actions.add(new Views.Option("delete", "Delete selected", false));
        if (user.can(m, Principal.Perm.CHANGE))
            m.actions().forEach(a -> actions.add(new Views.Option(a.name(), a.label(), false)));
        List<Views.Hidden> keep = new ArrayList<>();
        state.forEach((k, v) -> keep.add(new Views.Hidden(k, v)));
        Views.ListView view = new Views.ListView(
                m.slug(),
                m.label(),
                pages.listHref(m),
                columns,
                rows,
                params.search().orElse(""),
                !m.searchFields().isEmpty(),
                Filters.views(m, params),
                Filters.chips(m, params, s -> href(m, s), state),
                keep,
                Pages.countText(count),
                count.exact() ? Optional.empty() : Optional.of(href(m, with(state, "count", "exact"))),
                first,
                prev,
                next,
                user.can(m, Principal.Perm.ADD),
                user.can(m, Principal.Perm.DELETE),
                actions,
                pages.listHref(m) + "/new",
                pages.listHref(m) + "/bulk");
        return Render.list(pages.frame(req, Optional.of(user), m.label(), Optional.of(m)), view);
    }

    private Views.Cell cell(AdminModel m, String name, Object v, Map<String, Map<Id, Map<String, Object>>> refs) {
        Field f = m.field(name).orElseThrow();
        if (v == null) return new Views.Cell("—", Optional.empty(), true);
        Optional<Relation> rel = m.model().referenceOf(name);
        if (rel.isPresent() && refs.containsKey(name)) {
            Optional<AdminModel> target = pages.registry().target(m, rel.get());
            Id id = Id.of(Values.input(f, v));
            Map<String, Object> record = refs.get(name).get(id);
            String label = record == null || target.isEmpty()
                    ? Values.cell(f, v)
                    : Pages.recordLabel(target.get(), record, id);
            return new Views.Cell(label, target.map(t -> pages.recordHref(t, id)), false);
        }
        return new Views.Cell(Values.cell(f, v), Optional.empty(), false);
    }

    /** For each single-field reference among the list's columns, the referenced records of this page, one query each. */
    private Map<String, Map<Id, Map<String, Object>>> references(AdminModel m, List<Map<String, Object>> rows) {
        Map<String, Map<Id, Map<String, Object>>> out = new HashMap<>();
        for (String name : m.listFields()) {
            Optional<Relation> rel = m.model().referenceOf(name);
            if (rel.isEmpty() || rel.get().targetFields().size() != 1) continue;
            Optional<AdminModel> target = pages.registry().target(m, rel.get());
            if (target.isEmpty() || target.get().labelFields().isEmpty()) continue;
            Field f = m.field(name).orElseThrow();
            Set<Id> ids = new LinkedHashSet<>();
            for (Map<String, Object> r : rows) if (r.get(name) != null) ids.add(Id.of(Values.input(f, r.get(name))));
            if (ids.isEmpty()) continue;
            out.put(
                    name,
                    target.get()
                            .backend()
                            .findAll(target.get().model(), ids, target.get().labelFields()));
        }
        return out;
    }

    /** The query parameters that make this list what it is (not its page position). */
    private static Map<String, String> state(ListParams p) {
        Map<String, String> s = new LinkedHashMap<>();
        p.search().ifPresent(q -> s.put("q", q));
        p.sort().ifPresent(x -> s.put("sort", (x.descending() ? "-" : "") + x.field()));
        s.putAll(p.filterParams());
        if (p.after().isPresent()) s.put("after", p.after().get());
        if (p.offset() > 0) s.put("offset", Long.toString(p.offset()));
        return s;
    }

    String href(AdminModel m, Map<String, String> params) {
        StringBuilder b = new StringBuilder(pages.listHref(m));
        char sep = '?';
        for (var e : params.entrySet()) {
            b.append(sep).append(Pages.enc(e.getKey())).append('=').append(Pages.enc(e.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> out = new LinkedHashMap<>(params);
        out.put(key, value);
        return out;
    }

    static Map<String, String> without(Map<String, String> params, String... keys) {
        Map<String, String> out = new LinkedHashMap<>(params);
        for (String k : keys) out.remove(k);
        return out;
    }

    private static final Set<FieldType> RANGES = Set.of(
            FieldType.INTEGER,
            FieldType.DECIMAL,
            FieldType.FLOAT,
            FieldType.DATE,
            FieldType.TIMESTAMP,
            FieldType.TIMESTAMPTZ);

    static boolean isRange(FieldType t) {
        return RANGES.contains(t);
    }
}
