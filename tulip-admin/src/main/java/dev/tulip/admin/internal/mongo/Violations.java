package dev.tulip.admin.internal.mongo;

import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import dev.tulip.admin.spi.ConstraintViolation;
import dev.tulip.mongo.DuplicateKeyException;
import dev.tulip.mongo.MongoFailure;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A refused write as a {@link ConstraintViolation}: a duplicate key (11000) names the unique
 * index's first field, a document validation failure (121) the first property the server says
 * failed, when it says (MongoDB 5 and later do, in the write error's details).
 */
final class Violations {
    private static final int VALIDATION = 121;
    private static final Pattern INDEX = Pattern.compile("index: (\\S+)");
    private static final Pattern DUP_KEY = Pattern.compile("dup key: \\{ ?\"?([^\":\\s]+)\"?\\s*:");

    private Violations() {}

    static RuntimeException of(Shape shape, MongoFailure failure) {
        if (failure instanceof DuplicateKeyException) return duplicate(shape, failure);
        if (failure.getCause() instanceof MongoServerException s && s.getCode() == VALIDATION) {
            BsonDocument details =
                    s instanceof MongoWriteException w ? w.getError().getDetails() : new BsonDocument();
            Optional<String> missing = first(details, "missingProperties");
            Optional<String> field = missing.or(() -> first(details, "propertyName"));
            String message = missing.isPresent()
                    ? "is required"
                    : field.isPresent()
                            ? "does not match the collection's schema"
                            : "the record does not match the collection's schema validator";
            return new ConstraintViolation(field, Optional.of(SchemaFields.CONSTRAINT), message, failure);
        }
        return failure;
    }

    private static ConstraintViolation duplicate(Shape shape, MongoFailure failure) {
        String text = String.valueOf(
                failure.getCause() == null ? null : failure.getCause().getMessage());
        Matcher index = INDEX.matcher(text);
        Optional<String> name = index.find() ? Optional.of(index.group(1)) : Optional.empty();
        Optional<String> field = name.map(n -> shape.indexes().getOrDefault(n, List.of()))
                .filter(keys -> !keys.isEmpty())
                .map(List::getFirst);
        if (field.isEmpty()) {
            Matcher key = DUP_KEY.matcher(text);
            if (key.find()) field = Optional.of(key.group(1));
        }
        String message = field.map(f -> "must be unique: a record with this " + f + " exists")
                .orElse("must be unique: a record with this key exists");
        return new ConstraintViolation(field, name, message, failure);
    }

    /** The first text under {@code key} anywhere in {@code details} (a name, or the first of a list of names). */
    static Optional<String> first(BsonValue details, String key) {
        if (details instanceof BsonDocument d) {
            BsonValue v = d.get(key);
            if (v != null && v.isString()) return Optional.of(v.asString().getValue());
            if (v != null
                    && v.isArray()
                    && !v.asArray().isEmpty()
                    && v.asArray().get(0).isString())
                return Optional.of(v.asArray().get(0).asString().getValue());
            for (BsonValue child : d.values()) {
                Optional<String> found = first(child, key);
                if (found.isPresent()) return found;
            }
        } else if (details != null && details.isArray()) {
            for (BsonValue child : details.asArray()) {
                Optional<String> found = first(child, key);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }
}
