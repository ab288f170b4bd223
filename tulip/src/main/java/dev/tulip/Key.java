package dev.tulip;

/**
 * The typed name of a value in an app's {@link AppContext}: {@code Key.of("db", Db.class)}. Two
 * keys are equal when their names and types are; names are unique within one context.
 *
 * @param name what the value is, shown in errors and logs
 * @param type the value's class; a stored value must be an instance of it
 * @param <T> the value's type
 */
public record Key<T>(String name, Class<T> type) {
    /** Validates the name and type. */
    public Key {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a key needs a name");
        if (type == null) throw new IllegalArgumentException("key '" + name + "' needs a type");
    }

    /** A key named {@code name} for values of {@code type}. */
    public static <T> Key<T> of(String name, Class<T> type) {
        return new Key<>(name, type);
    }

    @Override
    public String toString() {
        return name + " (" + type.getSimpleName() + ")";
    }
}
