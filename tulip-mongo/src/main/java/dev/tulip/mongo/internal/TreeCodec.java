package dev.tulip.mongo.internal;

import dev.tulip.mongo.IdType;
import org.bson.BsonObjectId;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.BsonWriter;
import org.bson.codecs.CollectibleCodec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jackson trees as documents ({@link BsonTrees}'s rules). Collectible: an object inserted without
 * an id gets one ({@code id}, added to the node, as motor adds {@code _id} to a dict).
 */
public final class TreeCodec<N extends JsonNode> implements CollectibleCodec<N> {
    private final Class<N> type;
    private final IdType ids;

    public TreeCodec(Class<N> type, IdType ids) {
        this.type = type;
        this.ids = ids;
    }

    @Override
    public void encode(BsonWriter writer, N value, EncoderContext context) {
        BsonTrees.writeDocument(writer, value, ids);
    }

    @Override
    public N decode(BsonReader reader, DecoderContext context) {
        ObjectNode doc = BsonTrees.readDocument(reader);
        if (!type.isInstance(doc)) throw new IllegalStateException("a document decodes to an object node, not " + type);
        return type.cast(doc);
    }

    @Override
    public Class<N> getEncoderClass() {
        return type;
    }

    @Override
    public N generateIdIfAbsentFromDocument(N document) {
        if (document instanceof ObjectNode o && !documentHasId(document)) o.put("id", new ObjectId().toHexString());
        return document;
    }

    @Override
    public boolean documentHasId(N document) {
        return present(document.get("id")) || present(document.get("_id"));
    }

    private static boolean present(JsonNode id) {
        return id != null && !id.isNull() && !id.isMissingNode();
    }

    @Override
    public BsonValue getDocumentId(N document) {
        JsonNode id = present(document.get("id")) ? document.get("id") : document.get("_id");
        if (!present(id)) throw new IllegalStateException("the document has no id");
        return ids == IdType.OBJECT_ID && id.isString() && ObjectId.isValid(id.asString())
                ? new BsonObjectId(new ObjectId(id.asString()))
                : new BsonString(Ids.shown(id));
    }
}
