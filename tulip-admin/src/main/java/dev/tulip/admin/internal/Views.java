package dev.tulip.admin.internal;

import java.util.List;
import java.util.Optional;

/** What the page templates show: plain values, already formatted, escaped by the templates. */
public final class Views {
    private Views() {}

    /** What every page has around its content. */
    public record Frame(
            String title,
            String base,
            String nonce,
            String csrf,
            Optional<String> user,
            List<Link> nav,
            String heading,
            Optional<String> message) {}

    public record Link(String href, String label, boolean current) {}

    public record Hidden(String name, String value) {}

    public record Option(String value, String label, boolean selected) {}

    public record DashRow(String label, String href, String count, String kind, Optional<String> addHref) {}

    public record Login(String action, String next, String username, Optional<String> error) {}

    public record Column(String name, String label, Optional<String> sortHref, String sorted) {}

    public record Cell(String text, Optional<String> href, boolean isNull) {}

    public record RowView(String id, String href, List<Cell> cells) {}

    /** A filter of the list: kind is boolean, choice (enum, reference), range (number, date) or null. */
    public record FilterView(
            String name,
            String label,
            String kind,
            String inputType,
            String value,
            String gte,
            String lte,
            String nullValue,
            boolean nullable,
            List<Option> options) {}

    public record Chip(String label, String removeHref) {}

    public record ListView(
            String slug,
            String label,
            String href,
            List<Column> columns,
            List<RowView> rows,
            String search,
            boolean searchable,
            List<FilterView> filters,
            List<Chip> chips,
            List<Hidden> keep,
            String count,
            Optional<String> exactCountHref,
            Optional<String> firstHref,
            Optional<String> prevHref,
            Optional<String> nextHref,
            boolean canAdd,
            boolean canDelete,
            List<Option> actions,
            String addHref,
            String bulkAction) {}

    public record DetailRow(String label, String text, Optional<String> href, boolean isNull, boolean block) {}

    public record DetailView(
            String label,
            String title,
            List<DetailRow> rows,
            List<Link> related,
            String listHref,
            Optional<String> editHref,
            Optional<String> deleteHref) {}

    /**
     * One input of a create or edit form. {@code kind}: text, textarea, number, checkbox,
     * tristate, select, date, time, datetime, json, reference, readonly.
     */
    public record Input(
            String name,
            String id,
            String label,
            String kind,
            String value,
            boolean required,
            Optional<String> error,
            Optional<String> help,
            List<Option> options,
            String step,
            Optional<String> min,
            Optional<String> max,
            Optional<String> minLength,
            Optional<String> maxLength,
            Optional<String> lookupHref,
            Optional<String> linkHref) {}

    public record FormView(
            String label,
            String title,
            String action,
            boolean creating,
            List<Input> inputs,
            Optional<String> formError,
            String cancelHref) {}

    public record DependentView(String label, long count, List<Link> sample, Optional<String> listHref) {}

    public record ConfirmView(
            String title,
            String action,
            List<Hidden> fields,
            List<Link> records,
            List<DependentView> dependents,
            String cancelHref) {}

    public record ErrorView(int status, String message, Optional<String> backHref) {}
}
