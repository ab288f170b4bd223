package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Id;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Ids and the primary key: checked against the key's types, and as predicates. */
final class Keys {
    private Keys() {}

    /** The key values of {@code id}, checked; {@code IllegalArgumentException} for an id this table cannot have. */
    static List<Object> values(PgTable t, Id id) {
        List<PgColumn> key = t.key();
        if (id.parts().size() != key.size())
            throw new IllegalArgumentException("an id of " + t.name() + " has " + key.size() + " parts, not "
                    + id.parts().size() + ": " + id.encoded());
        List<Object> out = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++)
            out.add(PgValues.parse(key.get(i).type(), id.parts().get(i)));
        return out;
    }

    /** The id of a record read with its key columns. */
    static Id of(PgTable t, Map<String, Object> record) {
        List<String> parts = new ArrayList<>();
        for (PgColumn c : t.key()) {
            if (!record.containsKey(c.name()))
                throw new IllegalArgumentException("the record lacks key field " + c.name() + " of " + t.name());
            parts.add(PgValues.idText(c.type(), record.get(c.name())));
        }
        return new Id(parts);
    }

    /** {@code "id" = $1::...} or {@code ("a", "b") = ($1::..., $2::...)}. */
    static String equalTo(Sql sql, PgTable t, Id id) {
        List<Object> values = values(t, id);
        List<PgColumn> key = t.key();
        List<String> lhs = new ArrayList<>(), rhs = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            lhs.add(key.get(i).ident());
            rhs.add(sql.value(key.get(i), values.get(i)));
        }
        return key.size() == 1
                ? lhs.getFirst() + " = " + rhs.getFirst()
                : "(" + String.join(", ", lhs) + ") = (" + String.join(", ", rhs) + ")";
    }

    /**
     * The key is one of {@code ids}, in one parameter per key column: {@code "id" = any($1)}, or
     * {@code ("a", "b") in (select * from unnest($1, $2))} for a composite key.
     */
    static String in(Sql sql, PgTable t, Collection<Id> ids) {
        List<PgColumn> key = t.key();
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) parts.add(new ArrayList<>());
        for (Id id : ids) {
            values(t, id); // checks it
            for (int i = 0; i < key.size(); i++) parts.get(i).add(id.parts().get(i));
        }
        if (key.size() == 1)
            return key.getFirst().ident() + " = any(" + sql.idParts(key.getFirst(), parts.getFirst()) + ")";
        List<String> arrays = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) arrays.add(sql.idParts(key.get(i), parts.get(i)));
        return "(" + Sql.idents(t.model().primaryKey()) + ") in (select * from unnest(" + String.join(", ", arrays)
                + "))";
    }
}
