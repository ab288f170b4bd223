package dev.tulip.admin.spi;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list.
 *
 * @param conditions filters, all of which must hold
 * @param search text to find, ignoring case, in any of {@code searchFields}
 * @param searchFields the fields {@code search} looks in (text fields)
 * @param sort the order; empty for the primary key's
 * @param after the cursor of the previous page's {@link Page#next()} (keyset pagination)
 * @param offset records to skip (offset pagination); 0 with a cursor
 * @param limit records on the page (the admin caps it)
 * @param fields the fields the page shows; the primary key is always read too
 */
public record ListQuery(
        List<Condition> conditions,
        Optional<String> search,
        List<String> searchFields,
        Optional<Sort> sort,
        Optional<String> after,
        long offset,
        int limit,
        List<String> fields) {

    public ListQuery {
        conditions = List.copyOf(conditions);
        searchFields = List.copyOf(searchFields);
        fields = List.copyOf(fields);
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
    }
}
