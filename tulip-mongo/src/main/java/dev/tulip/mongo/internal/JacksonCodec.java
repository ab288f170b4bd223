package dev.tulip.mongo.internal;

import dev.tulip.mongo.IdType;
import dev.tulip.mongo.InvalidDocumentException;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.TokenBuffer;

/** Records and other Jackson-mapped classes as documents, through Jackson's token stream ({@link TokenStreams}). */
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
        TokenBuffer tokens;
        try {
            tokens = mapper.writeValueIntoBuffer(value);
        } catch (JacksonException e) {
            throw new InvalidDocumentException(
                    "cannot map a " + type.getSimpleName() + " to a document: " + e.getOriginalMessage());
        }
        try (tokens;
                JsonParser p = tokens.asParser()) {
            TokenStreams.writeDocument(p, writer, ids);
        }
    }

    @Override
    public T decode(BsonReader reader, DecoderContext context) {
        TokenBuffer tokens = TokenBuffer.forGeneration();
        TokenStreams.readDocument(reader, tokens);
        try (tokens) {
            return mapper.readValue(tokens, type);
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
