package dev.tulip.pg;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The record shapes of one {@link Pg} or transaction, kept per record type and column list (reflection once). */
final class Shapes {
    private record Key(Class<?> type, List<String> columns) {}

    private final ConcurrentHashMap<Key, RecordShape<?>> shapes = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> RecordShape<T> of(Class<T> type, List<String> columns) {
        if (shapes.size() > 1000) shapes.clear(); // generated SQL with ever new column lists: stay bounded
        return (RecordShape<T>) shapes.computeIfAbsent(new Key(type, columns), k -> RecordShape.of(type, columns));
    }
}
