package dev.tulip.admin.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A database the admin covers. The admin calls it from virtual threads (blocking calls are
 * fine), only with models it returned and field names those models have, and with values in
 * their fields' canonical types ({@link FieldType}). Implementations bind every value as a
 * parameter and quote every name as an identifier.
 */
public interface Backend {

    /** What it is, for pages and logs: {@code "PostgreSQL"}, {@code "MongoDB"}. */
    String kind();

    /** Every model, read live from the database's catalog or by sampling; called again to refresh. */
    List<Model> models();

    /** One page of {@code model}'s records. */
    Page list(Model model, ListQuery query);

    /**
     * How many records match: exact when {@code exact} or when the estimate is small, else an
     * estimate. An exact count may give up after the backend's count timeout, returning the
     * estimate.
     */
    Count count(
            Model model, List<Condition> conditions, Optional<String> search, List<String> searchFields, boolean exact);

    /** The record with this id, every field. */
    Optional<Map<String, Object>> find(Model model, Id id);

    /**
     * The records with these ids, in one query, with {@code fields} (and the key): for showing
     * the records a page of another model references without a query per row.
     */
    Map<Id, Map<String, Object>> findAll(Model model, Collection<Id> ids, List<String> fields);

    /**
     * Up to {@code limit} records whose {@code labelFields} contain {@code term} (ignoring case),
     * or whose key is {@code term}: the choices of a reference field's autocomplete.
     */
    List<Choice> lookup(Model model, String term, List<String> labelFields, int limit);

    /** Inserts a record; returns its id. */
    Id insert(Model model, Map<String, Object> values) throws ConstraintViolation;

    /** Sets {@code values} on the record; false if it does not exist. */
    boolean update(Model model, Id id, Map<String, Object> values) throws ConstraintViolation;

    /** Deletes the records, all or none; returns how many there were. */
    long delete(Model model, List<Id> ids) throws ConstraintViolation;

    /** For each relation to {@code model}, the records that reference any of {@code ids}. */
    List<Dependents> dependents(Model model, List<Id> ids, int sampleSize);

    /** The id of a record as {@link #list} or {@link #find} returned it. */
    Id idOf(Model model, Map<String, Object> record);
}
