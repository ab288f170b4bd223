package dev.tulip.mongo;

import java.util.Map;

/**
 * What a bulk write did.
 *
 * @param inserted documents inserted
 * @param matched documents matched by updates and replaces
 * @param modified documents changed
 * @param deleted documents deleted
 * @param upserts the ids upserts inserted, by the index of their request
 */
public record BulkResult(int inserted, int matched, int modified, int deleted, Map<Integer, String> upserts) {}
