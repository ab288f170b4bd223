package dev.tulip.admin.spi;

import java.util.Optional;

/**
 * A write the database refused for a rule of its own (unique, foreign key, CHECK, NOT NULL,
 * schema validation), with the field it belongs to when the backend could tell from the
 * constraint's name, so the form shows the message beside that field.
 */
public class ConstraintViolation extends RuntimeException {
    private final transient Optional<String> field;
    private final transient Optional<String> constraint;

    public ConstraintViolation(Optional<String> field, Optional<String> constraint, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.constraint = constraint;
    }

    /** The field the violated rule is about, if known. */
    public Optional<String> field() {
        return field;
    }

    /** The violated constraint's name, if the database gave one. */
    public Optional<String> constraint() {
        return constraint;
    }
}
