package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.pg.Row;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One catalog column as a {@link PgColumn}: domains resolved to their base type (keeping their NOT
 * NULL and CHECKs), arrays to their element, the type's rules from varchar lengths and CHECKs.
 */
final class ColumnBuilder {
    private static final Set<FieldType> KEYABLE = EnumSet.of(
            FieldType.INTEGER,
            FieldType.DECIMAL,
            FieldType.FLOAT,
            FieldType.TEXT,
            FieldType.DATE,
            FieldType.TIME,
            FieldType.TIMESTAMP,
            FieldType.TIMESTAMPTZ,
            FieldType.UUID,
            FieldType.ENUM,
            FieldType.BOOLEAN);

    private final Map<Long, PgType> types;

    ColumnBuilder(Map<Long, PgType> types) {
        this.types = types;
    }

    /**
     * The column of catalog row {@code r}; {@code checks} are the table's CHECKs (name to atoms),
     * {@code unique} whether a unique index covers it alone, {@code domainChecks} collects the
     * names of its domain's CHECKs.
     */
    PgColumn build(Row r, Map<String, List<CheckAtom>> checks, boolean unique, List<String> domainChecks) {
        String name = r.get("name", String.class);
        PgType t = types.get(r.get("type", Long.class));
        int typmod = r.get("typmod", Integer.class);
        boolean domainNotNull = false;
        List<Map.Entry<String, String>> domainDefs = new ArrayList<>();
        while (t.isDomain()) {
            domainNotNull |= t.notNull();
            domainDefs.addAll(t.checks().entrySet());
            if (typmod < 0) typmod = t.typmod();
            t = types.get(t.base());
        }
        FieldType type = t.fieldType();
        Optional<FieldType> elementType = Optional.empty();
        List<String> labels = t.labels();
        String cast = t.qualified();
        String read = Sql.ident(name);
        if (t.isArray()) {
            PgType e = types.get(t.element());
            boolean elementDomain = e.isDomain();
            while (e.isDomain()) e = types.get(e.base());
            FieldType et = e.fieldType();
            if (et == FieldType.OTHER || e.isArray()) {
                type = FieldType.OTHER;
                read = read + "::text";
            } else {
                type = FieldType.ARRAY;
                elementType = Optional.of(et);
                labels = e.labels();
                cast = e.qualified() + "[]";
                if (!e.decoded()) read = read + "::text[]";
                else if (elementDomain) read = read + "::" + cast;
            }
        } else if (!t.decoded()) {
            read = read + "::text";
        }
        RulesBuilder rules = new RulesBuilder(type);
        if (typmod >= 4 && (t.name().equals("varchar") || t.name().equals("bpchar")) && !t.isArray())
            rules.maxLength(typmod - 4);
        for (Map.Entry<String, String> d : domainDefs) {
            domainChecks.add(d.getKey());
            for (CheckAtom a : CheckParser.parse(d.getValue()))
                if (a.column().equals("VALUE")) rules.add(d.getKey(), a);
        }
        for (Map.Entry<String, List<CheckAtom>> c : checks.entrySet())
            for (CheckAtom a : c.getValue()) if (a.column().equals(name)) rules.add(c.getKey(), a);
        String identity = r.get("identity", String.class);
        String generated = r.get("generated", String.class);
        boolean computed = !identity.isEmpty() || !generated.isEmpty();
        Field field = new Field(
                name,
                type,
                elementType,
                !r.get("notnull", Boolean.class) && !domainNotNull,
                r.get("hasdef", Boolean.class) || computed,
                computed,
                labels,
                rules.build(),
                unique,
                Optional.ofNullable(r.get("comment", String.class)));
        return new PgColumn(field, r.get("num", Integer.class), cast, read, KEYABLE.contains(type));
    }
}
