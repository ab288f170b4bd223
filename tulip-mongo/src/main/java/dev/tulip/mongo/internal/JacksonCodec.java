package dev.tulip.mongo.internal;

import dev.tulip.mongo.IdType;
import dev.tulip.mongo.InvalidDocumentException;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Records and other Jackson-mapped classes as documents, through a tree ({@link BsonTrees}'s rules). */
public final class JacksonCodec<T> implements Codec<T> {
    private final Class<T> type;
    private final IdType ids;
    private final JsonMapper mapper;

    public JacksonCodec(Class<T> type, IdType ids, JsonMapper mapper) {
        this.type = type;
        this.ids = ids;
        this.mapper = mapper;
    }

    @Override
    public void encode(BsonWriter writer, T value, EncoderContext context) {
        JsonNode tree;
        try {
            tree = mapper.valueToTree(value);
        } catch (JacksonException e) {
            throw new InvalidDocumentException(
                    "cannot map a " + type.getSimpleName() + " to a document: " + e.getOriginalMessage());
        }
        BsonTrees.writeDocument(writer, tree, ids);
    }

    @Override
    public T decode(BsonReader reader, DecoderContext context) {
        JsonNode tree = BsonTrees.readDocument(reader);
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new InvalidDocumentException(
                    "a stored document does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    @Override
    public Class<T> getEncoderClass() {
        return type;
    }
}
