package dev.tulip.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one model looks in the admin, beyond what the database says. Every name given here is
 * checked against the model's fields when the admin starts, so a typo fails the start instead of a
 * page.
 */
public final class ModelOptions {
    Optional<String> label = Optional.empty();
    List<String> listFields = List.of();
    List<String> searchFields = List.of();
    List<String> filters = List.of();
    List<String> labelFields = List.of();
    Optional<String> ordering = Optional.empty();
    final Set<String> readOnly = new LinkedHashSet<>();
    final Set<String> hidden = new LinkedHashSet<>();
    final Map<String, String> labels = new LinkedHashMap<>();
    final Map<String, NamedAction> actions = new LinkedHashMap<>();
    boolean excluded;

    record NamedAction(String name, String label, Action action) {}

    ModelOptions() {}

    /** The name shown for the model ("Customers"); by default from its table or collection name. */
    public ModelOptions label(String label) {
        this.label = Optional.of(label);
        return this;
    }

    /** The columns of the list, in order; by default the first eight shown fields. */
    public ModelOptions listFields(String... fields) {
        this.listFields = List.of(fields);
        return this;
    }

    /** The text fields the search box looks in; by default every text field of the list. */
    public ModelOptions searchFields(String... fields) {
        this.searchFields = List.of(fields);
        return this;
    }

    /** The fields offered as filters; by default every boolean, enum, reference, number and date field. */
    public ModelOptions filters(String... fields) {
        this.filters = List.of(fields);
        return this;
    }

    /** The fields that name a record in links and reference choices; by default the first text field. */
    public ModelOptions labelFields(String... fields) {
        this.labelFields = List.of(fields);
        return this;
    }

    /** The default order: a field name, {@code -name} for descending; by default the primary key. */
    public ModelOptions ordering(String field) {
        this.ordering = Optional.of(field);
        return this;
    }

    /** Fields shown but never set from a form. */
    public ModelOptions readOnly(String... fields) {
        this.readOnly.addAll(List.of(fields));
        return this;
    }

    /**
     * Fields never shown nor set (a password hash): they reach no page, no filter and no search.
     * Fields named like secrets ({@code password}, {@code password_hash}, {@code secret},
     * {@code token}, {@code api_key}) are hidden without being named here.
     */
    public ModelOptions hidden(String... fields) {
        this.hidden.addAll(List.of(fields));
        return this;
    }

    /** The label of one field ("E-mail address"); by default from its name. */
    public ModelOptions fieldLabel(String field, String label) {
        this.labels.put(field, label);
        return this;
    }

    /** A bulk action on selected records, named {@code name} (a short word) and shown as {@code label}. */
    public ModelOptions action(String name, String label, Action action) {
        if (!name.matches("[a-z][a-z0-9_-]{0,39}"))
            throw new IllegalArgumentException("action name " + name + ": use lowercase letters, digits, - and _");
        if (name.equals("delete")) throw new IllegalArgumentException("action name delete is the admin's own");
        this.actions.put(name, new NamedAction(name, label, action));
        return this;
    }

    /** Leaves the model out of the admin. */
    public ModelOptions exclude() {
        this.excluded = true;
        return this;
    }

    List<NamedAction> actionList() {
        return new ArrayList<>(actions.values());
    }
}
