package dev.tulip.admin.internal;

import dev.tulip.HttpException;
import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.admin.spi.ConstraintViolation;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One record: its page, its create and edit forms. */
public final class RecordPages {
    private final Pages pages;

    public RecordPages(Pages pages) {
        this.pages = pages;
    }

    public Response detail(Request req, Principal user) {
        AdminModel m = pages.model(req, user);
        Id id = Pages.id(req);
        Map<String, Object> r = find(m, id);
        List<Views.DetailRow> rows = new ArrayList<>();
        for (Field f : m.fields()) {
            Object v = r.get(f.name());
            Optional<String> href = Optional.empty();
            Optional<Relation> rel = m.model().referenceOf(f.name());
            if (v != null && rel.isPresent())
                href = pages.registry().target(m, rel.get()).map(t -> pages.recordHref(t, Id.of(Values.input(f, v))));
            boolean block = f.type() == FieldType.JSON && v != null;
            String text = v == null ? "—" : block ? Values.input(f, v) : Values.display(f, v);
            rows.add(new Views.DetailRow(m.labelOf(f.name()), text, href, v == null, block));
        }
        List<Views.Link> related = new ArrayList<>();
        for (Relation rel : m.model().referencedBy()) {
            Optional<AdminModel> src = pages.registry().source(m, rel);
            if (src.isEmpty()
                    || !user.can(src.get(), Principal.Perm.VIEW)
                    || rel.fields().size() != 1) continue;
            if (!src.get().filterFields().contains(rel.fields().getFirst())) continue;
            int at = rel.targetFields().indexOf(rel.targetFields().getFirst());
            Object key = r.get(rel.targetFields().get(at));
            if (key == null) continue;
            Field kf = m.model().field(rel.targetFields().get(at)).orElseThrow();
            related.add(new Views.Link(
                    pages.listHref(src.get()) + "?f." + Pages.enc(rel.fields().getFirst()) + "="
                            + Pages.enc(Values.input(kf, key)),
                    src.get().label() + " by " + src.get().labelOf(rel.fields().getFirst()),
                    false));
        }
        String title = Pages.recordLabel(m, r, id);
        String self = pages.recordHref(m, id);
        var view = new Views.DetailView(
                m.label(),
                title,
                rows,
                related,
                pages.listHref(m),
                user.can(m, Principal.Perm.CHANGE) ? Optional.of(self + "/edit") : Optional.empty(),
                user.can(m, Principal.Perm.DELETE) ? Optional.of(self + "/delete") : Optional.empty());
        return Render.detail(pages.frame(req, Optional.of(user), title, Optional.of(m)), view);
    }

    public Response createForm(Request req, Principal user) {
        AdminModel m = pages.model(req, user);
        user.require(m, Principal.Perm.ADD);
        return form(req, user, m, true, Optional.empty(), Map.of(), Map.of(), Optional.empty(), 200);
    }

    public Response editForm(Request req, Principal user) {
        AdminModel m = pages.model(req, user);
        user.require(m, Principal.Perm.CHANGE);
        Id id = Pages.id(req);
        Map<String, Object> r = find(m, id);
        Map<String, String> raw = new LinkedHashMap<>();
        for (Field f : m.fields()) raw.put(f.name(), Values.input(f, r.get(f.name())));
        return form(req, user, m, false, Optional.of(id), raw, Map.of(), Optional.empty(), 200);
    }

    public Response create(Request req, Principal user) {
        AdminModel m = pages.model(req, user);
        user.require(m, Principal.Perm.ADD);
        Forms.Result form = Forms.read(m, req.form(), true);
        if (!form.ok())
            return form(
                    req,
                    user,
                    m,
                    true,
                    Optional.empty(),
                    form.raw(),
                    form.errors(),
                    Optional.of("Please correct the errors below."),
                    422);
        Id id;
        try {
            id = m.backend().insert(m.model(), form.values());
        } catch (ConstraintViolation e) {
            return violated(req, user, m, true, Optional.empty(), form, e);
        }
        return afterSave(req, m, id, "Added.");
    }

    public Response update(Request req, Principal user) {
        AdminModel m = pages.model(req, user);
        user.require(m, Principal.Perm.CHANGE);
        Id id = Pages.id(req);
        Forms.Result form = Forms.read(m, req.form(), false);
        if (!form.ok())
            return form(
                    req,
                    user,
                    m,
                    false,
                    Optional.of(id),
                    form.raw(),
                    form.errors(),
                    Optional.of("Please correct the errors below."),
                    422);
        try {
            if (!m.backend().update(m.model(), id, form.values())) throw new HttpException(404, "no such record");
        } catch (ConstraintViolation e) {
            return violated(req, user, m, false, Optional.of(id), form, e);
        }
        return afterSave(req, m, id, "Saved.");
    }

    private Response afterSave(Request req, AdminModel m, Id id, String message) {
        String choice = req.formValue("_save").orElse("save");
        String target = switch (choice) {
            case "add" -> pages.listHref(m) + "/new";
            case "continue" -> pages.recordHref(m, id) + "/edit";
            default -> pages.listHref(m);
        };
        return Pages.redirect(req, target, message);
    }

    private Response violated(
            Request req,
            Principal user,
            AdminModel m,
            boolean creating,
            Optional<Id> id,
            Forms.Result form,
            ConstraintViolation e) {
        Map<String, String> errors = new LinkedHashMap<>(form.errors());
        Optional<String> formError;
        if (e.field().isPresent()
                && m.field(e.field().get()).isPresent()
                && Forms.settable(m, m.field(e.field().get()).get(), creating)) {
            errors.put(e.field().get(), e.getMessage());
            formError = Optional.of("The database refused the record: see below.");
        } else {
            formError = Optional.of("The database refused the record: " + e.getMessage());
        }
        return form(req, user, m, creating, id, form.raw(), errors, formError, 409);
    }

    private Map<String, Object> find(AdminModel m, Id id) {
        if (id.parts().size() != m.model().primaryKey().size())
            throw HttpException.badRequest("bad record id for " + m.label());
        return m.backend()
                .find(m.model(), id)
                .orElseThrow(() -> new HttpException(404, "no such " + m.label() + " record"));
    }

    private Response form(
            Request req,
            Principal user,
            AdminModel m,
            boolean creating,
            Optional<Id> id,
            Map<String, String> raw,
            Map<String, String> errors,
            Optional<String> formError,
            int status) {
        List<Views.Input> inputs = new ArrayList<>();
        for (Field f : m.fields()) {
            boolean settable = Forms.settable(m, f, creating);
            if (!settable && creating) continue; // computed by the database: nothing to show yet
            inputs.add(Inputs.of(
                    pages,
                    m,
                    f,
                    "in-" + f.name().replaceAll("[^A-Za-z0-9_-]", "_"),
                    raw.getOrDefault(f.name(), ""),
                    settable,
                    creating,
                    Optional.ofNullable(errors.get(f.name()))));
        }
        String action = creating ? pages.listHref(m) + "/new" : pages.recordHref(m, id.orElseThrow()) + "/edit";
        String named = String.join(
                " ",
                m.labelFields().stream()
                        .map(f -> raw.getOrDefault(f, ""))
                        .filter(v -> !v.isBlank())
                        .toList());
        String title = creating
                ? "Add " + m.label()
                : "Edit "
                        + (named.isEmpty()
                                ? m.label() + " "
                                        + String.join(", ", id.orElseThrow().parts())
                                : named);
        String cancel = creating ? pages.listHref(m) : pages.recordHref(m, id.orElseThrow());
        var view = new Views.FormView(m.label(), title, action, creating, inputs, formError, cancel);
        return Render.form(status, pages.frame(req, Optional.of(user), title, Optional.of(m)), view);
    }
}
