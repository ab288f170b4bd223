package dev.tulip.admin.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of records.
 *
 * @param rows the records, each field name to its canonical value (the primary key included)
 * @param next the cursor of the next page when the backend paginates by keyset and there is one
 * @param keyset whether the page was read by keyset (an index on the sort, the key as tie-breaker)
 *     rather than by offset
 * @param hasMore whether more records follow this page
 */
public record Page(List<Map<String, Object>> rows, Optional<String> next, boolean keyset, boolean hasMore) {

    public Page {
        rows = List.copyOf(rows);
    }
}
