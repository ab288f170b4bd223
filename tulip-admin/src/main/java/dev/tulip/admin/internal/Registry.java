package dev.tulip.admin.internal;

import dev.tulip.admin.spi.Backend;
import dev.tulip.admin.spi.Relation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The admin's models by slug, and the way from a relation to the model at its other end. */
public final class Registry {
    private final Map<String, AdminModel> bySlug = new LinkedHashMap<>();

    public Registry(List<AdminModel> models) {
        for (AdminModel m : models) {
            if (bySlug.putIfAbsent(m.slug(), m) != null)
                throw new IllegalStateException("two models named " + m.slug());
        }
    }

    public List<AdminModel> models() {
        return List.copyOf(bySlug.values());
    }

    public Optional<AdminModel> model(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The model of {@code backend} named {@code name} (as the backend names it), if the admin covers it. */
    public Optional<AdminModel> model(Backend backend, String name) {
        return bySlug.values().stream()
                .filter(m -> m.backend() == backend && m.model().name().equals(name))
                .findFirst();
    }

    /** The model a relation of {@code from} points to. */
    public Optional<AdminModel> target(AdminModel from, Relation r) {
        return model(from.backend(), r.target());
    }

    /** The model a relation to {@code to} starts from. */
    public Optional<AdminModel> source(AdminModel to, Relation r) {
        return model(to.backend(), r.model());
    }
}
