package dev.tulip.admin.internal.pg;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the simple parts of a CHECK constraint as {@code pg_get_constraintdef} prints it:
 * {@code CHECK (((age >= 0) AND (age <= 150)))}. Each conjunct that is a comparison of a column
 * with a number, a {@code length}/{@code char_length} bound, {@code <> ''} or {@code ~ 'regex'}
 * becomes an atom; anything else (OR, functions, other columns) is left to the database.
 */
final class CheckParser {
    private static final Pattern CAST = Pattern.compile(
            "^(.*)::(?:[a-z_][a-z0-9_ ]*|\"[^\"]+\")(?:\\(\\d+(?:,\\d+)?\\))?(?:\\[])?$", Pattern.DOTALL);
    private static final Pattern IDENT = Pattern.compile("^(?:\"((?:[^\"]|\"\")+)\"|([a-z_][a-z0-9_$]*))$");
    private static final Pattern LENGTH =
            Pattern.compile("^(?:length|char_length|character_length)\\((.*)\\)$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?$");

    private CheckParser() {}

    /** The atoms of the conjuncts of {@code def} that are simple. */
    static List<CheckAtom> parse(String def) {
        String body = def.strip();
        if (body.endsWith(" NOT VALID")) body = body.substring(0, body.length() - " NOT VALID".length());
        if (!body.startsWith("CHECK ")) return List.of();
        List<CheckAtom> out = new ArrayList<>();
        for (String conjunct : conjuncts(body.substring(6)))
            atom(unwrap(conjunct)).ifPresent(out::add);
        return out;
    }

    private static List<String> conjuncts(String expr) {
        String e = unwrap(expr);
        List<String> parts = new ArrayList<>();
        int depth = 0, start = 0;
        boolean quoted = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\'' || c == '"') quoted = !quoted; // doubled quotes toggle twice
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && e.startsWith(" AND ", i)) {
                parts.add(e.substring(start, i));
                start = i + 5;
            }
        }
        parts.add(e.substring(start));
        if (parts.size() == 1) return parts;
        List<String> flat = new ArrayList<>();
        for (String p : parts) flat.addAll(conjuncts(p));
        return flat;
    }

    private static Optional<CheckAtom> atom(String conjunct) {
        int[] op = operator(conjunct);
        if (op == null) return Optional.empty();
        String symbol = conjunct.substring(op[0], op[1]).strip();
        String left = conjunct.substring(0, op[0]).strip();
        String right = conjunct.substring(op[1]).strip();
        Optional<String> col = column(left);
        if (symbol.equals("~")) return col.flatMap(c -> string(right).map(s -> new CheckAtom.Regex(c, s)));
        if (symbol.equals("<>"))
            return col.filter(c -> string(right).filter(String::isEmpty).isPresent())
                    .map(CheckAtom.NotEmpty::new);
        if (symbol.equals("=")) return Optional.empty();
        Optional<BigDecimal> n = number(right);
        if (n.isEmpty()) {
            // the number on the left: flip it
            Optional<BigDecimal> l = number(left);
            Optional<String> rc = column(right);
            if (l.isPresent() && rc.isPresent())
                return Optional.of(new CheckAtom.Compare(rc.get(), flip(symbol), l.get()));
            return Optional.empty();
        }
        if (col.isPresent()) return Optional.of(new CheckAtom.Compare(col.get(), symbol, n.get()));
        Matcher m = LENGTH.matcher(left);
        if (m.matches() && n.get().scale() <= 0) {
            Optional<String> lc = column(m.group(1));
            if (lc.isPresent())
                return Optional.of(
                        new CheckAtom.Length(lc.get(), symbol, n.get().intValueExact()));
        }
        return Optional.empty();
    }

    private static String flip(String op) {
        return switch (op) {
            case ">=" -> "<=";
            case "<=" -> ">=";
            case ">" -> "<";
            default -> ">";
        };
    }

    /** The span of the one comparison operator outside parentheses and quotes, or null. */
    private static int[] operator(String e) {
        int depth = 0;
        boolean quoted = false;
        int[] found = null;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\'' || c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && c == ':' && i + 1 < e.length() && e.charAt(i + 1) == ':') i++;
            else if (depth == 0 && (c == '<' || c == '>' || c == '=' || c == '~' || c == '!')) {
                int end = i + 1;
                while (end < e.length() && "<>=~*!".indexOf(e.charAt(end)) >= 0) end++;
                String op = e.substring(i, end);
                if (found != null
                        || !List.of(">=", "<=", ">", "<", "<>", "=", "~").contains(op)) return null;
                found = new int[] {i, end};
                i = end - 1;
            }
        }
        return found;
    }

    /** The column an expression names ({@code name}, {@code "Name"}, {@code (name)::text}, {@code VALUE}). */
    static Optional<String> column(String expr) {
        String e = stripCasts(expr);
        if (e.equals("VALUE")) return Optional.of("VALUE");
        Matcher m = IDENT.matcher(e);
        if (!m.matches()) return Optional.empty();
        return Optional.of(m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2));
    }

    private static Optional<BigDecimal> number(String expr) {
        String e = stripCasts(expr);
        if (e.length() >= 2 && e.startsWith("'") && e.endsWith("'")) e = e.substring(1, e.length() - 1);
        return NUMBER.matcher(e).matches() ? Optional.of(new BigDecimal(e)) : Optional.empty();
    }

    private static Optional<String> string(String expr) {
        String e = stripCasts(expr);
        if (e.length() < 2 || !e.startsWith("'") || !e.endsWith("'")) return Optional.empty();
        String inner = e.substring(1, e.length() - 1);
        if (inner.replace("''", "").contains("'")) return Optional.empty();
        return Optional.of(inner.replace("''", "'"));
    }

    private static String stripCasts(String expr) {
        String e = unwrap(expr.strip());
        while (true) {
            Matcher m = CAST.matcher(e);
            if (!m.matches()) return e;
            e = unwrap(m.group(1).strip());
        }
    }

    /** {@code e} without parentheses around all of it. */
    static String unwrap(String e) {
        String s = e.strip();
        while (s.startsWith("(") && s.endsWith(")") && closes(s))
            s = s.substring(1, s.length() - 1).strip();
        return s;
    }

    private static boolean closes(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')' && --depth == 0 && i < s.length() - 1) return false;
        }
        return true;
    }
}
