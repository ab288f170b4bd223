package dev.tulip.mongo;

import java.util.Optional;

/**
 * One event of a change stream.
 *
 * @param operation {@code insert}, {@code update}, {@code replace}, {@code delete}, ...
 * @param id the id of the document changed, as handlers see ids
 * @param document the document after the change, where the server sends it
 */
public record Change<T>(String operation, Optional<String> id, Optional<T> document) {}
