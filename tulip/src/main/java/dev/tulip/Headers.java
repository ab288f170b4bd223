package dev.tulip;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** HTTP header fields: an ordered multimap whose names compare case-insensitively. */
public interface Headers {

    /** The first value of {@code name}, if present. */
    Optional<String> first(String name);

    /** All values of {@code name}, in order. */
    List<String> all(String name);

    /** Whether {@code name} is present. */
    boolean contains(String name);

    /** The distinct names, as first spelled, in order. */
    Set<String> names();

    /** The number of fields (a repeated name counts once per occurrence). */
    int size();

    /** The name of field {@code i} (0-based, in order). */
    String name(int i);

    /** The value of field {@code i} (0-based, in order). */
    String value(int i);
}
