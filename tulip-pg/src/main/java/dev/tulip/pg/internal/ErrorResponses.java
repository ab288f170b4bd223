package dev.tulip.pg.internal;

import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.pg.PgException;
import dev.tulip.pg.PgUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database errors as responses, in Tulip's error shape. The message names the constraint or column
 * and never the SQL or the row's values (PostgreSQL's detail quotes them).
 */
public final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tulip.pg");

    /** Tulip's JSON error body. */
    public record ErrorBody(int status, String error, String message) {}

    private ErrorResponses() {}

    public static void install(Tulip app) {
        app.exception(PgException.class, (e, req) -> of(e));
        app.exception(PgUnavailableException.class, (e, req) -> {
            LOG.warn("{} {}: {}", req.method(), req.path(), e.getMessage());
            return error(503, "Service Unavailable", "the database is unavailable; retry shortly")
                    .header("Retry-After", "1");
        });
    }

    static Response of(PgException e) {
        String constraint = e.constraint().map(c -> " (constraint " + c + ")").orElse("");
        return switch (e.kind()) {
            case UNIQUE_VIOLATION -> error(409, "Conflict", "a row with this value exists already" + constraint);
            case FOREIGN_KEY_VIOLATION ->
                error(409, "Conflict", "the row refers to, or is referred to by, another row" + constraint);
            case CHECK_VIOLATION -> error(422, "Unprocessable Content", "a value breaks a rule" + constraint);
            case NOT_NULL_VIOLATION ->
                error(
                        422,
                        "Unprocessable Content",
                        e.column().map(c -> "'" + c + "' is required").orElse("a required value is missing"));
            case QUERY_CANCELED -> error(504, "Gateway Timeout", "the database took too long to answer");
            case SERIALIZATION_FAILURE, DEADLOCK ->
                error(503, "Service Unavailable", "the database could not serialise this request; retry it")
                        .header("Retry-After", "1");
            case OTHER -> {
                LOG.error("database error {}", e.sqlState(), e);
                yield error(500, "Internal Server Error", "internal error");
            }
        };
    }

    private static Response error(int status, String reason, String message) {
        return Response.json(status, new ErrorBody(status, reason, message));
    }
}
