package dev.tulip.pg;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;

/** How a record is filled from the columns of one result: component i from column index[i]. */
final class RecordShape<R> {
    private final Constructor<R> constructor;
    private final RecordComponent[] components;
    private final int[] index;

    private RecordShape(Constructor<R> constructor, RecordComponent[] components, int[] index) {
        this.constructor = constructor;
        this.components = components;
        this.index = index;
    }

    static <R> RecordShape<R> of(Class<R> type, List<String> columns) {
        if (!type.isRecord())
            throw new PgMappingException(type.getName() + " is not a record; map rows to a record, or read Row values");
        RecordComponent[] comps = type.getRecordComponents();
        Class<?>[] types = new Class<?>[comps.length];
        int[] index = new int[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            String name = comps[i].getName();
            int at = columns.indexOf(name);
            if (at < 0) at = columns.indexOf(snake(name));
            if (at < 0 && types[i] != Optional.class)
                throw new PgMappingException("record " + type.getSimpleName() + " has a component '" + name
                        + "' but the result has no column '" + snake(name) + "' (columns: " + columns + ")");
            index[i] = at;
        }
        try {
            Constructor<R> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return new RecordShape<>(c, comps, index);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new PgMappingException("cannot use the canonical constructor of " + type.getName()
                    + " (in a named module, open its package to dev.tulip.pg): " + e.getMessage());
        }
    }

    R make(Row row) {
        Object[] args = new Object[components.length];
        for (int i = 0; i < args.length; i++) {
            Class<?> t = components[i].getType();
            if (t == Optional.class) {
                args[i] = index[i] < 0 ? Optional.empty() : Optional.ofNullable(row.value(index[i]));
            } else {
                args[i] = Convert.to(t, row.value(index[i]), row.columns().get(index[i]));
            }
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new PgMappingException("record " + constructor.getName() + " refused the row: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PgMappingException("cannot build " + constructor.getName() + ": " + e.getMessage());
        }
    }

    /** {@code createdAt} is {@code created_at}. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) sb.append('_');
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
