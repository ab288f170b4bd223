package dev.tulip.admin.internal;

import java.util.Locale;
import java.util.Set;

/** Labels from database names, and the names that hold secrets. */
public final class Names {
    private static final Set<String> SECRET_WORDS =
            Set.of("password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "salt");

    private Names() {}

    /** {@code first_name}, {@code firstName} → "First name". */
    public static String humanize(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replace('_', ' ')
                .replace('.', ' ')
                .trim()
                .toLowerCase(Locale.ROOT);
        if (spaced.isEmpty()) return name;
        if (spaced.equals("id")) return "ID";
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** Whether a field called {@code name} holds a secret (hidden unless the app says otherwise). */
    public static boolean secret(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        for (String w : SECRET_WORDS) if (n.equals(w) || n.startsWith(w + "_") || n.endsWith("_" + w)) return true;
        return n.contains("password") || n.endsWith("_hash");
    }
}
