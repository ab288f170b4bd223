package dev.tulip.mongo.internal;

import dev.tulip.mongo.InvalidIdException;
import org.bson.BsonValue;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;

/** ObjectIds to strings and back, with the 400 for a malformed one. */
public final class Ids {
    private Ids() {}

    /** {@code text} as an ObjectId; {@code shown} names the value in the message. */
    public static ObjectId objectId(String text, Object shown) {
        if (text == null || !ObjectId.isValid(text))
            throw new InvalidIdException(
                    "'" + abbreviate(String.valueOf(shown)) + "' is not an id: ids here are 24 hexadecimal digits");
        return new ObjectId(text);
    }

    /** An id as handlers see it: an ObjectId as its hex string, a string as itself, others as JSON text. */
    public static String shown(BsonValue id) {
        if (id == null) throw new IllegalStateException("MongoDB reported no id for the inserted document");
        if (id.isObjectId()) return id.asObjectId().getValue().toHexString();
        if (id.isString()) return id.asString().getValue();
        if (id.isInt32()) return Integer.toString(id.asInt32().getValue());
        if (id.isInt64()) return Long.toString(id.asInt64().getValue());
        return id.toString();
    }

    /** Shown like {@link #shown(BsonValue)}, from a tree. */
    public static String shown(JsonNode id) {
        return id.isString() ? id.asString() : id.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
