package dev.tulip.admin.internal;

import dev.tulip.HttpException;
import dev.tulip.Request;
import dev.tulip.Response;
import dev.tulip.admin.ActionContext;
import dev.tulip.admin.spi.ConstraintViolation;
import dev.tulip.admin.spi.Dependents;
import dev.tulip.admin.spi.Id;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deleting, one record or a selection, always after a page that lists what references them; and custom bulk actions. */
public final class DeletePages {
    static final int MAX_SELECTED = 500;
    private static final int SAMPLE = 5;
    private final Pages pages;

    public DeletePages(Pages pages) {
        this.pages = pages;
    }

    /** GET …/r/{id}/delete: the confirmation page. */
    public Response confirmOne(Request req, Principal user) {
        AdminModel m = pages.model(req, user);
        user.require(m, Principal.Perm.DELETE);
        Id id = Pages.id(req);
        if (m.backend().find(m.model(), id).isEmpty()) throw new HttpException(404, "no such " + m.label() + " record");
        return confirm(req, user, m, List.of(id), pages.recordHref(m, id) + "/delete", pages.recordHref(m, id));
    }

    /** POST …/r/{id}/delete: deletes, when confirmed. */
    public Response deleteOne(Request req, Principal user) {
        AdminModel m = pages.model(req, user);
        user.require(m, Principal.Perm.DELETE);
        Id id = Pages.id(req);
        if (!req.formValue("confirmed").map("yes"::equals).orElse(false)) return confirmOne(req, user);
        return delete(req, m, List.of(id), pages.recordHref(m, id));
    }

    /** POST …/bulk: {@code action} on the {@code ids} selected. */
    public Response bulk(Request req, Principal user) throws Exception {
        AdminModel m = pages.model(req, user);
        List<String> raw = req.form().getOrDefault("ids", List.of());
        if (raw.isEmpty()) return Pages.redirect(req, pages.listHref(m), "Select records first.");
        if (raw.size() > MAX_SELECTED) throw HttpException.badRequest("at most " + MAX_SELECTED + " records at once");
        List<Id> ids = new ArrayList<>();
        for (String s : raw) {
            try {
                Id id = Id.decode(s);
                if (id.parts().size() != m.model().primaryKey().size())
                    throw new IllegalArgumentException("wrong number of parts");
                ids.add(id);
            } catch (IllegalArgumentException e) {
                throw HttpException.badRequest("bad record id " + s);
            }
        }
        String action = req.formValue("action").orElse("");
        if (action.equals("delete")) {
            user.require(m, Principal.Perm.DELETE);
            if (!req.formValue("confirmed").map("yes"::equals).orElse(false))
                return confirm(req, user, m, ids, pages.listHref(m) + "/bulk", pages.listHref(m));
            return delete(req, m, ids, pages.listHref(m));
        }
        AdminModel.ActionDef def = m.action(action)
                .orElseThrow(() -> HttpException.badRequest("no action " + action + " on " + m.label()));
        user.require(m, Principal.Perm.CHANGE);
        String said = def.action().run(new ActionContext(req, user.username(), m.slug()), List.copyOf(ids));
        return Pages.redirect(req, pages.listHref(m), said);
    }

    private Response delete(Request req, AdminModel m, List<Id> ids, String back) {
        long n;
        try {
            n = m.backend().delete(m.model(), ids);
        } catch (ConstraintViolation e) {
            return Pages.redirect(req, back, "Not deleted: " + e.getMessage());
        }
        return Pages.redirect(req, pages.listHref(m), "Deleted " + n + (n == 1 ? " record." : " records."));
    }

    private Response confirm(Request req, Principal user, AdminModel m, List<Id> ids, String action, String cancel) {
        Map<Id, Map<String, Object>> found = m.backend().findAll(m.model(), ids, m.labelFields());
        List<Views.Link> records = new ArrayList<>();
        for (Id id : ids) {
            Map<String, Object> r = found.get(id);
            if (r != null) records.add(new Views.Link(pages.recordHref(m, id), Pages.recordLabel(m, r, id), false));
        }
        if (records.isEmpty()) throw new HttpException(404, "none of the selected records exists");
        List<Views.DependentView> deps = new ArrayList<>();
        for (Dependents d : m.backend().dependents(m.model(), ids, SAMPLE)) {
            if (d.count() == 0) continue;
            Optional<AdminModel> src = pages.registry().source(m, d.relation());
            boolean visible = src.isPresent() && user.can(src.get(), Principal.Perm.VIEW);
            String label = visible
                    ? src.get().label() + " (by "
                            + src.get().labelOf(d.relation().fields().getFirst()) + ")"
                    : "Other records";
            List<Views.Link> sample = new ArrayList<>();
            if (visible)
                for (Id s : d.sample())
                    sample.add(new Views.Link(
                            pages.recordHref(src.get(), s),
                            src.get().label() + " " + String.join(", ", s.parts()),
                            false));
            Optional<String> list = visible
                            && ids.size() == 1
                            && d.relation().fields().size() == 1
                            && src.get()
                                    .filterFields()
                                    .contains(d.relation().fields().getFirst())
                    ? Optional.of(pages.listHref(src.get()) + "?f."
                            + Pages.enc(d.relation().fields().getFirst()) + "="
                            + Pages.enc(ids.getFirst().parts().getFirst()))
                    : Optional.empty();
            deps.add(new Views.DependentView(label, d.count(), sample, list));
        }
        List<Views.Hidden> fields = new ArrayList<>();
        if (action.endsWith("/bulk")) {
            fields.add(new Views.Hidden("action", "delete"));
            for (Id id : ids) fields.add(new Views.Hidden("ids", id.encoded()));
        }
        String title = "Delete " + records.size() + " " + m.label() + (records.size() == 1 ? " record?" : " records?");
        return Render.confirm(
                pages.frame(req, Optional.of(user), title, Optional.of(m)),
                new Views.ConfirmView(title, action, fields, records, deps, cancel));
    }
}
