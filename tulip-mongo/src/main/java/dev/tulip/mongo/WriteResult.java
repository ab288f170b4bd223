package dev.tulip.mongo;

import java.util.Optional;

/**
 * What a replace or an update did.
 *
 * @param matched documents the filter matched
 * @param modified documents changed
 * @param upsertedId the id of the document an upsert inserted, as handlers see ids
 */
public record WriteResult(long matched, long modified, Optional<String> upsertedId) {
    /** Whether an upsert inserted a new document (seed 002's {@code 201}) rather than replacing one. */
    public boolean inserted() {
        return upsertedId.isPresent();
    }
}
