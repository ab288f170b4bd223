package dev.tulip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A setting of the app's own, declared beside the server's: typed, with a default and a one-line
 * description, e.g. {@code AppSetting.string("pong-url", "http://127.0.0.1:8001", "where pong
 * listens")}. It is read like the server's settings, with the same precedence (default, code,
 * environment, command line) and the same errors, and {@code --help} lists it:
 *
 * <pre>{@code
 * Tulip app = Tulip.create().declare(PONG_URL);
 * app.get("/ping", req -> fetch(req.context().config().get(PONG_URL) + "/pong"));
 * }</pre>
 *
 * From the environment it is {@code TULIP_PONG_URL}, or a variable of the app's prefix
 * ({@link Config.Builder#envPrefix}), or one of the variables named with {@link #env} (for
 * conventions like {@code DATABASE_URL}); on the command line {@code --pong-url=...}.
 *
 * @param <T> the type of its value
 */
public final class AppSetting<T> {
    final Setting<T> setting;
    private final List<String> variables;
    private final boolean secret;

    private AppSetting(Setting<T> setting, List<String> variables, boolean secret) {
        this.setting = setting;
        this.variables = List.copyOf(variables);
        this.secret = secret;
    }

    /**
     * A setting read from text by {@code parser} (which throws {@link IllegalArgumentException} or
     * {@link ConfigException} saying what is wrong); {@code defaultValue} may be null for one that
     * has no default, which {@link Config#find} gives as empty and {@link Config#get} refuses.
     */
    public static <T> AppSetting<T> of(
            String name, Function<String, ? extends T> parser, T defaultValue, String description) {
        if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"))
            throw new IllegalArgumentException(
                    "an app setting's name is lower-case words joined by '-', like pong-url; was " + name);
        if (Setting.find(name) != null)
            throw new IllegalArgumentException(
                    "'" + name + "' is one of the server's own settings; choose another name for the app's");
        if (parser == null) throw new IllegalArgumentException("parser must not be null");
        if (description == null || description.isBlank())
            throw new IllegalArgumentException("describe app setting '" + name + "' in one line (--help shows it)");
        return new AppSetting<>(
                Setting.ofApp(name, () -> defaultValue, parser, v -> null, description), List.of(), false);
    }

    /** A text setting. */
    public static AppSetting<String> string(String name, String defaultValue, String description) {
        return of(name, text -> text, defaultValue, description);
    }

    /** An integer setting. */
    public static AppSetting<Integer> integer(String name, Integer defaultValue, String description) {
        return of(name, ConfigValues::integer, defaultValue, description);
    }

    /** A size in bytes, written {@code 1048576}, {@code 512k}, {@code 10MiB}. */
    public static AppSetting<Long> size(String name, Long defaultValue, String description) {
        return of(name, ConfigValues::size, defaultValue, description);
    }

    /** A duration, written {@code 500ms}, {@code 30s}, {@code 2m}. */
    public static AppSetting<Duration> duration(String name, Duration defaultValue, String description) {
        return of(name, ConfigValues::duration, defaultValue, description);
    }

    /** A boolean, written {@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0}; {@code --name} alone means true. */
    public static AppSetting<Boolean> flag(String name, boolean defaultValue, String description) {
        return of(name, ConfigValues::bool, defaultValue, description);
    }

    /** This setting, also read from the environment variables {@code names} (e.g. {@code DATABASE_URL}). */
    public AppSetting<T> env(String... names) {
        List<String> all = new ArrayList<>(variables);
        for (String n : names) {
            if (n == null || !n.matches("[A-Za-z_][A-Za-z0-9_]*"))
                throw new IllegalArgumentException("not an environment variable name: " + n);
            all.add(n);
        }
        return new AppSetting<>(setting, all, secret);
    }

    /** This setting, with its value never printed (in {@code --help}, errors, {@link Config#toString}). */
    public AppSetting<T> secret() {
        return new AppSetting<>(setting, variables, true);
    }

    /** Its name on the command line, {@code pong-url}. */
    public String name() {
        return setting.name;
    }

    /** Its one-line description. */
    public String description() {
        return setting.doc;
    }

    /** Whether its value is never printed. */
    public boolean isSecret() {
        return secret;
    }

    /** The environment variables it is read from, {@code TULIP_PONG_URL} first. */
    List<String> variables(String prefix) {
        List<String> all = new ArrayList<>();
        String upper = name().toUpperCase(Locale.ROOT).replace('-', '_');
        all.add("TULIP_" + upper);
        if (prefix != null && !prefix.isEmpty()) all.add(prefix + upper);
        all.addAll(variables);
        return all;
    }

    /** Same name, same description, same variables: the same setting declared twice is fine. */
    boolean sameAs(AppSetting<?> other) {
        return other.setting.name.equals(setting.name)
                && other.setting.doc.equals(setting.doc)
                && other.variables.equals(variables)
                && other.secret == secret;
    }

    @Override
    public String toString() {
        return name();
    }
}
