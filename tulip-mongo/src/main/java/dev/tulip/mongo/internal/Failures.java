package dev.tulip.mongo.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import dev.tulip.mongo.DuplicateKeyException;
import dev.tulip.mongo.MongoFailure;
import dev.tulip.mongo.MongoUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.bson.codecs.configuration.CodecConfigurationException;

/** The driver's exceptions as Tulip's typed ones; the one place that decides a status. */
public final class Failures {
    private static final int DUPLICATE_KEY = 11000;

    private Failures() {}

    /** {@code t} as the exception a caller should see. */
    public static Throwable translate(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null)
            t = t.getCause();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MongoFailure f) return f; // ours, raised inside a codec
            if (c.getCause() == c) break;
        }
        if (t instanceof CodecConfigurationException c)
            return new IllegalArgumentException("MongoDB cannot encode this value: " + c.getMessage(), c);
        if (!(t instanceof MongoException m)) return t;
        if (isDuplicateKey(m)) return new DuplicateKeyException("a document with this key exists already", m);
        if (m instanceof MongoTimeoutException
                || m instanceof MongoSocketException
                || m instanceof MongoServerUnavailableException)
            return new MongoUnavailableException("MongoDB is unavailable; try again shortly", m);
        if (m instanceof MongoInterruptedException) return m;
        if (m instanceof MongoClientException
                && m.getMessage() != null
                && m.getMessage().contains("state should be: open"))
            return new MongoUnavailableException("the MongoDB client is closed (the app is stopping)", m);
        return new MongoFailure(500, "MongoDB operation failed (error " + m.getCode() + ")", m);
    }

    private static boolean isDuplicateKey(MongoException m) {
        return switch (m) {
            case MongoWriteException w ->
                ErrorCategory.fromErrorCode(w.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
            case MongoBulkWriteException b -> b.getWriteErrors().stream().anyMatch(e -> e.getCode() == DUPLICATE_KEY);
            case MongoCommandException c -> c.getErrorCode() == DUPLICATE_KEY;
            default -> m.getCode() == DUPLICATE_KEY;
        };
    }
}
