package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.*;
import java.util.*;

public final class PgBackend implements Backend {
    public PgBackend(Object db, Object arg) {}

    public String kind() {
        return "PgBackend";
    }

    public List<Model> models() {
        return List.of();
    }

    public Page list(Model m, ListQuery q) {
        throw new UnsupportedOperationException();
    }

    public Count count(Model m, List<Condition> c, Optional<String> s, List<String> f, boolean e) {
        throw new UnsupportedOperationException();
    }

    public Optional<Map<String, Object>> find(Model m, Id id) {
        throw new UnsupportedOperationException();
    }

    public Map<Id, Map<String, Object>> findAll(Model m, Collection<Id> ids, List<String> f) {
        throw new UnsupportedOperationException();
    }

    public List<Choice> lookup(Model m, String t, List<String> l, int n) {
        throw new UnsupportedOperationException();
    }

    public Id insert(Model m, Map<String, Object> v) {
        throw new UnsupportedOperationException();
    }

    public boolean update(Model m, Id id, Map<String, Object> v) {
        throw new UnsupportedOperationException();
    }

    public long delete(Model m, List<Id> ids) {
        throw new UnsupportedOperationException();
    }

    public List<Dependents> dependents(Model m, List<Id> ids, int n) {
        throw new UnsupportedOperationException();
    }

    public Id idOf(Model m, Map<String, Object> r) {
        throw new UnsupportedOperationException();
    }
}
