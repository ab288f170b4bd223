package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Backend;
import dev.tulip.admin.spi.Choice;
import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Count;
import dev.tulip.admin.spi.Dependents;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Page;
import dev.tulip.pg.Pg;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The tables of one PostgreSQL schema, read live from its catalog (see {@link PgCatalog}). Every
 * name in a statement comes from the catalog and is quoted; every value is a parameter. Bad input
 * (an unknown field, an id or cursor this table cannot have) is an {@code IllegalArgumentException};
 * a write the database refuses for a constraint is a {@link dev.tulip.admin.spi.ConstraintViolation}.
 */
public final class PgBackend implements Backend {
    /** Estimates below this are counted exactly. */
    static final long EXACT_BELOW = 10_000;

    private final Db db;
    private final String schema;
    private final Counts counts;
    private volatile Map<String, PgTable> tables;

    /** The tables of {@code schema} in {@code pg}. */
    public PgBackend(Pg pg, String schema) {
        this(pg, schema, sql -> {});
    }

    /** The same, telling {@code onStatement} the text of every statement before it is sent. */
    public PgBackend(Pg pg, String schema, Consumer<String> onStatement) {
        this(pg, schema, (sql, params) -> onStatement.accept(sql), EXACT_BELOW, Duration.ofSeconds(2));
    }

    /** For tests and benchmarks: the statements with their parameters, and the count's settings. */
    PgBackend(Pg pg, String schema, BiConsumer<String, Object[]> onStatement, long exactBelow, Duration countTimeout) {
        this.db = new Db(pg, onStatement);
        this.schema = schema;
        this.counts = new Counts(exactBelow, countTimeout);
    }

    @Override
    public String kind() {
        return "PostgreSQL";
    }

    @Override
    public List<Model> models() {
        Map<String, PgTable> t = PgCatalog.load(db, schema);
        tables = t;
        return PgCatalog.models(t);
    }

    /** The table behind {@code model}, for tests and benchmarks. */
    PgTable tableOf(Model model) {
        return table(model);
    }

    private PgTable table(Model model) {
        Map<String, PgTable> t = tables;
        if (t == null || !t.containsKey(model.name())) {
            models();
            t = tables;
        }
        PgTable table = t.get(model.name());
        if (table == null)
            throw new IllegalArgumentException(
                    "no table " + model.name() + " in schema " + schema + " (dropped? refresh the models)");
        return table;
    }

    @Override
    public Page list(Model model, ListQuery query) {
        return Lists.list(db, table(model), query);
    }

    @Override
    public Count count(
            Model model,
            List<Condition> conditions,
            Optional<String> search,
            List<String> searchFields,
            boolean exact) {
        return counts.count(db, table(model), conditions, search, searchFields, exact);
    }

    @Override
    public Optional<Map<String, Object>> find(Model model, Id id) {
        return Reads.find(db, table(model), id);
    }

    @Override
    public Map<Id, Map<String, Object>> findAll(Model model, Collection<Id> ids, List<String> fields) {
        return Reads.findAll(db, table(model), ids, fields);
    }

    @Override
    public List<Choice> lookup(Model model, String term, List<String> labelFields, int limit) {
        return Reads.lookup(db, table(model), term, labelFields, limit);
    }

    @Override
    public Id insert(Model model, Map<String, Object> values) {
        return Writes.insert(db, table(model), values);
    }

    @Override
    public boolean update(Model model, Id id, Map<String, Object> values) {
        return Writes.update(db, table(model), id, values);
    }

    @Override
    public long delete(Model model, List<Id> ids) {
        return Writes.delete(db, table(model), ids);
    }

    @Override
    public List<Dependents> dependents(Model model, List<Id> ids, int sampleSize) {
        PgTable t = table(model);
        return Reads.dependents(db, tables, t, ids, sampleSize);
    }

    @Override
    public Id idOf(Model model, Map<String, Object> record) {
        return Keys.of(table(model), record);
    }
}
