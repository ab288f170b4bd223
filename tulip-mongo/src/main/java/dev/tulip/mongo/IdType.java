package dev.tulip.mongo;

/**
 * How a collection's ids are stored. Handlers always see an id as the string field {@code id}
 * (MongoDB's {@code _id}); this says what it is in the database.
 */
public enum IdType {
    /** ObjectIds, shown as 24 hexadecimal digits; any other id is an {@link InvalidIdException} (400). */
    OBJECT_ID,
    /** Strings, stored as given (seed 002's {@code /stuff/{id}}); an id that is not a string is a 400. */
    STRING
}
