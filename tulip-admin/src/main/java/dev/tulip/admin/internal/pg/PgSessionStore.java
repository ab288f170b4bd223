package dev.tulip.admin.internal.pg;

import dev.tulip.pg.Pg;
import dev.tulip.pg.Row;
import dev.tulip.web.SessionStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions in {@code tulip_admin_sessions}, their values a JSON object, their expiry the
 * database's clock (so instances agree). An expired session loads as none and is deleted.
 */
final class PgSessionStore implements SessionStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Pg pg;

    PgSessionStore(Pg pg) {
        this.pg = pg;
    }

    @Override
    public Optional<Map<String, String>> load(String id) {
        List<Row> rows = pg.rows(
                "select \"values\", expires_at > clock_timestamp() as live from tulip_admin_sessions where id = $1",
                id);
        if (rows.isEmpty()) return Optional.empty();
        Row r = rows.getFirst();
        if (!r.get("live", Boolean.class)) {
            pg.execute("delete from tulip_admin_sessions where id = $1 and expires_at <= clock_timestamp()", id);
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode node = (JsonNode) r.value("values");
        for (Map.Entry<String, JsonNode> e : node.properties())
            values.put(e.getKey(), e.getValue().asString());
        return Optional.of(values);
    }

    @Override
    public void save(String id, Map<String, String> values, Duration maxAge) {
        pg.execute(
                "insert into tulip_admin_sessions (id, \"values\", expires_at)"
                        + " values ($1, $2::text::jsonb, clock_timestamp() + $3::int8 * interval '1 millisecond')"
                        + " on conflict (id) do update set \"values\" = excluded.\"values\", expires_at = excluded.expires_at",
                id,
                JSON.writeValueAsString(values),
                maxAge.toMillis());
    }

    @Override
    public void delete(String id) {
        pg.execute("delete from tulip_admin_sessions where id = $1", id);
    }
}
