package dev.tulip.admin.internal;

import dev.tulip.Response;
import dev.tulip.admin.internal.pages.JteconfirmGenerated;
import dev.tulip.admin.internal.pages.JtedashboardGenerated;
import dev.tulip.admin.internal.pages.JtedetailGenerated;
import dev.tulip.admin.internal.pages.JteerrorGenerated;
import dev.tulip.admin.internal.pages.JteformGenerated;
import dev.tulip.admin.internal.pages.JtelistGenerated;
import dev.tulip.admin.internal.pages.JteloginGenerated;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.function.Consumer;

/** The compiled templates (src/main/jte) rendered into responses; every value escaped by jte. */
public final class Render {
    private Render() {}

    private static Response page(int status, Consumer<HtmlTemplateOutput> template) {
        StringOutput out = new StringOutput(8192);
        template.accept(new OwaspHtmlTemplateOutput(out));
        return Response.html(out.toString()).status(status);
    }

    public static Response login(int status, Views.Frame f, Views.Login login) {
        return page(status, o -> JteloginGenerated.render(o, null, f, login));
    }

    public static Response dashboard(Views.Frame f, List<Views.DashRow> rows) {
        return page(200, o -> JtedashboardGenerated.render(o, null, f, rows));
    }

    public static Response list(Views.Frame f, Views.ListView v) {
        return page(200, o -> JtelistGenerated.render(o, null, f, v));
    }

    public static Response detail(Views.Frame f, Views.DetailView v) {
        return page(200, o -> JtedetailGenerated.render(o, null, f, v));
    }

    public static Response form(int status, Views.Frame f, Views.FormView v) {
        return page(status, o -> JteformGenerated.render(o, null, f, v));
    }

    public static Response confirm(Views.Frame f, Views.ConfirmView v) {
        return page(200, o -> JteconfirmGenerated.render(o, null, f, v));
    }

    public static Response choices(List<Views.Option> options) {
        return page(200, o -> dev.tulip.admin.internal.pages.JtechoicesGenerated.render(o, null, options));
    }

    public static Response error(Views.Frame f, Views.ErrorView v) {
        return page(v.status(), o -> JteerrorGenerated.render(o, null, f, v));
    }
}
