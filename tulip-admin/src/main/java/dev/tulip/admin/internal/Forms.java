package dev.tulip.admin.internal;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Rules;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A submitted create or edit form read into canonical values. Only the fields a form may set are
 * read; anything else the request carries (a hidden field, a read-only one, a made-up name) is
 * ignored, so a crafted form cannot set what the page does not offer.
 */
public final class Forms {
    /** The prefix of a field's input name, so field names never meet the form's own ({@code _csrf}, {@code _save}). */
    public static final String PREFIX = "v:";

    private Forms() {}

    /**
     * What the form says.
     *
     * @param values the fields to write, field name to canonical value
     * @param errors field name to message, for the fields that failed
     * @param raw field name to the text sent, to show the form again as the user left it
     */
    public record Result(Map<String, Object> values, Map<String, String> errors, Map<String, String> raw) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Whether a form may set {@code f} of {@code m}: editable, and not the key of an existing record. */
    public static boolean settable(AdminModel m, Field f, boolean creating) {
        return m.editable(f) && (creating || !m.model().primaryKey().contains(f.name()));
    }

    public static Result read(AdminModel m, Map<String, List<String>> form, boolean creating) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        for (Field f : m.fields()) {
            if (!settable(m, f, creating)) continue;
            List<String> sent = form.get(PREFIX + f.name());
            if (f.type() == FieldType.BOOLEAN && !f.nullable()) {
                // an unchecked checkbox sends nothing
                boolean on = sent != null && sent.stream().anyMatch(s -> !s.isEmpty() && !s.equals("false"));
                values.put(f.name(), on);
                raw.put(f.name(), Boolean.toString(on));
                continue;
            }
            if (sent == null) {
                if (creating && !f.nullable() && !f.hasDefault()) errors.put(f.name(), "is required");
                continue;
            }
            String text = sent.getLast();
            raw.put(f.name(), text);
            boolean blank = f.type() == FieldType.TEXT ? text.isEmpty() : text.isBlank();
            if (blank) {
                if (f.nullable()) values.put(f.name(), null);
                else if (!(creating && f.hasDefault())) errors.put(f.name(), "is required");
                continue; // else left out: the database's default fills it
            }
            try {
                Object v = Values.parse(f, text);
                check(f, v).ifPresentOrElse(msg -> errors.put(f.name(), msg), () -> values.put(f.name(), v));
            } catch (IllegalArgumentException e) {
                errors.put(f.name(), e.getMessage());
            }
        }
        return new Result(values, errors, raw);
    }

    /** The message for a value that breaks the field's declared rules. */
    public static Optional<String> check(Field f, Object v) {
        Rules r = f.rules();
        if (r.isEmpty() || v == null) return Optional.empty();
        String by = r.constraint().map(c -> " (" + c + ")").orElse("");
        if (v instanceof Long || v instanceof BigDecimal || v instanceof Double) {
            BigDecimal n = v instanceof Double d
                    ? (d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d))
                    : v instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) v;
            if (n != null) {
                if (r.min().isPresent() && n.compareTo(r.min().get()) < 0)
                    return Optional.of("must be at least " + r.min().get().toPlainString() + by);
                if (r.max().isPresent() && n.compareTo(r.max().get()) > 0)
                    return Optional.of("must be at most " + r.max().get().toPlainString() + by);
            }
        }
        if (v instanceof String s) {
            int len = s.codePointCount(0, s.length());
            if (r.minLength().isPresent() && len < r.minLength().getAsInt())
                return Optional.of(
                        r.minLength().getAsInt() == 1
                                ? "must not be empty" + by
                                : "must have at least " + r.minLength().getAsInt() + " characters" + by);
            if (r.maxLength().isPresent() && len > r.maxLength().getAsInt())
                return Optional.of("must have at most " + r.maxLength().getAsInt() + " characters" + by);
            if (r.pattern().isPresent()) {
                try {
                    if (!Pattern.compile(r.pattern().get()).matcher(s).find())
                        return Optional.of("must match " + r.pattern().get() + by);
                } catch (PatternSyntaxException e) {
                    return Optional.empty(); // a database regex Java cannot read: the database checks it
                }
            }
        }
        return Optional.empty();
    }
}
