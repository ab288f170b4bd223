package dev.tulip.admin.internal.pg;

/** The catalog queries {@link PgCatalog} runs, each with the schema as {@code $1}. */
final class CatalogQueries {
    private CatalogQueries() {}

    /** Ordinary and partitioned tables (not their partitions), with their comments. */
    static final String TABLES = """
            select c.oid::int8 as oid, c.relname::text as name, obj_description(c.oid, 'pg_class') as comment
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
            order by c.relname""";

    /** Every column of those tables, in order. */
    static final String COLUMNS = """
            select a.attrelid::int8 as rel, a.attnum::int4 as num, a.attname::text as name, a.atttypid::int8 as type,
                   a.atttypmod as typmod, a.attnotnull as notnull, a.atthasdef as hasdef,
                   a.attidentity::text as identity, a.attgenerated::text as generated,
                   col_description(a.attrelid, a.attnum) as comment
            from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition
              and a.attnum > 0 and not a.attisdropped
            order by a.attrelid, a.attnum""";

    /**
     * The types of those columns and the types they are built on (a domain's base, an array's
     * element), with enum labels in sort order and domain CHECKs.
     */
    static final String TYPES = """
            with recursive used(oid) as (
                select a.atttypid
                from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = $1 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
              union
                select x.oid from used u join pg_type t on t.oid = u.oid,
                  lateral (values (t.typbasetype), (case when t.typcategory = 'A' then t.typelem else 0 end)) x(oid)
                where x.oid <> 0
            )
            select t.oid::int8 as oid, t.typname::text as name, tn.nspname::text as schema, t.typtype::text as kind,
                   t.typbasetype::int8 as base, case when t.typcategory = 'A' then t.typelem::int8 else 0 end as element,
                   t.typnotnull as notnull, t.typtypmod as typmod,
                   (select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid)
                     as labels,
                   (select array_agg(d.conname::text order by d.conname) from pg_constraint d
                     where d.contypid = t.oid and d.contype = 'c') as checks,
                   (select array_agg(pg_get_constraintdef(d.oid) order by d.conname) from pg_constraint d
                     where d.contypid = t.oid and d.contype = 'c') as check_defs
            from pg_type t join pg_namespace tn on tn.oid = t.typnamespace
            where t.oid in (select oid from used)""";

    /** Primary keys, unique constraints, foreign keys and CHECKs of those tables. */
    static final String CONSTRAINTS = """
            select con.conrelid::int8 as rel, con.conname::text as name, con.contype::text as kind,
                   array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
                         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as columns,
                   array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
                         join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord) as fcolumns,
                   fc.relname::text as ftable, fn.nspname::text as fschema, fc.oid::int8 as frel,
                   pg_get_constraintdef(con.oid) as def
            from pg_constraint con
              join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
              left join pg_class fc on fc.oid = con.confrelid left join pg_namespace fn on fn.oid = fc.relnamespace
            where n.nspname = $1 and con.contype in ('p', 'u', 'f', 'c')
            order by con.conrelid, con.conname""";

    /** The indexes of those tables: unique ones become keys, btree ones allow keyset pagination. */
    static final String INDEXES = """
            select i.indrelid::int8 as rel, ic.relname::text as name, i.indisunique as unique, i.indisprimary as primary,
                   i.indpred is not null as partial, i.indexprs is not null as expressions,
                   (i.indkey::int2[])[0:i.indnkeyatts - 1]::int4[] as keys, am.amname::text as method
            from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
              join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = $1
            order by i.indrelid, ic.relname""";
}
