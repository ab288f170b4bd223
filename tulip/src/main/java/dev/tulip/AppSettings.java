package dev.tulip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The app's own settings inside a {@link Config}: which are declared, their values, and where each
 * value came from. Immutable once built; {@link Config.Builder} works on a copy.
 */
final class AppSettings {
    final Map<String, AppSetting<?>> declared;
    final Map<String, Object> values; // null values allowed: a setting without a default
    final Map<String, String> sources; // every setting, the server's too: "default", "code", "environment X", ...
    final String envPrefix;
    final List<String> arguments;

    static final AppSettings NONE = new AppSettings(Map.of(), Map.of(), Map.of(), "", List.of());

    private AppSettings(
            Map<String, AppSetting<?>> declared,
            Map<String, Object> values,
            Map<String, String> sources,
            String envPrefix,
            List<String> arguments) {
        this.declared = declared;
        this.values = values;
        this.sources = sources;
        this.envPrefix = envPrefix;
        this.arguments = arguments;
    }

    Editing edit() {
        return new Editing(this);
    }

    /** Where the value of {@code name} came from. */
    String source(String name) {
        return sources.getOrDefault(name, "default");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AppSettings a
                && a.declared.keySet().equals(declared.keySet())
                && a.values.equals(values)
                && a.envPrefix.equals(envPrefix)
                && a.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(declared.keySet(), values, envPrefix, arguments);
    }

    /** A mutable copy, for the builder. */
    static final class Editing {
        final Map<String, AppSetting<?>> declared;
        final Map<String, Object> values;
        final Map<String, String> sources;
        String envPrefix;
        List<String> arguments;

        private Editing(AppSettings from) {
            declared = new LinkedHashMap<>(from.declared);
            values = new LinkedHashMap<>(from.values);
            sources = new LinkedHashMap<>(from.sources);
            envPrefix = from.envPrefix;
            arguments = from.arguments;
        }

        void declare(AppSetting<?> s) {
            AppSetting<?> known = declared.get(s.name());
            if (known != null) {
                if (!known.sameAs(s))
                    throw new ConfigException("app setting '" + s.name() + "' is declared twice, differently");
                return;
            }
            declared.put(s.name(), s);
            values.put(s.name(), s.setting.defaultValue());
        }

        <T> void set(AppSetting<T> s, T value, String source) {
            declare(s);
            values.put(s.name(), s.setting.validate(value));
            sources.put(s.name(), source);
        }

        AppSettings build() {
            return new AppSettings(
                    Collections.unmodifiableMap(new LinkedHashMap<>(declared)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(values)),
                    Map.copyOf(sources),
                    envPrefix,
                    List.copyOf(arguments));
        }
    }

    /** Every environment variable that some declared setting reads. */
    static List<String> variables(Map<String, AppSetting<?>> declared, String prefix) {
        List<String> all = new ArrayList<>();
        for (AppSetting<?> s : declared.values()) all.addAll(s.variables(prefix));
        return all;
    }
}
