package dev.tulip.admin.spi;

import java.util.List;

/**
 * The records of another model that reference the ones about to be deleted, through one relation.
 *
 * @param relation the relation
 * @param count how many records reference them
 * @param sample the ids of the first few
 */
public record Dependents(Relation relation, long count, List<Id> sample) {

    public Dependents {
        sample = List.copyOf(sample);
    }
}
