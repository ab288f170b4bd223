package dev.tulip.admin.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.admin.spi.ConstraintViolation;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.Model;
import dev.tulip.pg.Pg;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Inserts, updates and deletes of every type, and each refusal mapped to its field. */
class PgWritesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Pg pg;
    private static PgBackend backend;
    private static Map<String, Model> models = new HashMap<>();
    private static Id red;

    @BeforeAll
    static void start() {
        pg = TestDb.freshPg();
        TestDb.script(pg, "schema.sql");
        backend = new PgBackend(pg, "public");
        backend.models().forEach(m -> models.put(m.name(), m));
        red = backend.insert(models.get("team"), Map.of("name", "Red", "code", "RED"));
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private static Map<String, Object> everyType(String email) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("team_id", Long.parseLong(red.parts().getFirst()));
        v.put("email", email);
        v.put("nick", "Ann, \"the\" 'first'");
        v.put("age", 41L);
        v.put("score", new BigDecimal("12.50"));
        v.put("ratio", 0.25);
        v.put("active", false);
        v.put("mood", "happy");
        v.put("moods", List.of("sad", "happy"));
        v.put("tags", java.util.Arrays.asList("a,b", "{c}", null, "\"d\""));
        v.put("numbers", List.of(1L, -2L, 3L));
        v.put("data", JSON.readTree("{\"a\": [1, 2, {\"b\": null}], \"c\": \"d\"}"));
        v.put("raw", JSON.readTree("[true, 1.5]"));
        v.put("photo", new byte[] {0, 1, (byte) 0xff});
        v.put("token", UUID.fromString("0b5f7a52-6c33-4f5e-9a27-2d1c8c6a0f10"));
        v.put("wake", LocalTime.of(6, 30, 15));
        v.put("born", LocalDateTime.of(1984, 2, 29, 23, 59, 58, 123456000));
        v.put("seen", OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
        v.put("gap", "1 year 2 mons 3 days 04:05:06");
        v.put("happiness", 77L);
        v.put("bio", "Hello there");
        return v;
    }

    @Test
    void everyTypeRoundTripsThroughInsertAndFind() {
        Map<String, Object> values = everyType("ann@example.com");
        Id id = backend.insert(models.get("person"), values);
        Map<String, Object> found = backend.find(models.get("person"), id).orElseThrow();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object got = found.get(e.getKey());
            if (e.getValue() instanceof byte[] b)
                assertThat((byte[]) got).as(e.getKey()).isEqualTo(b);
            else if (e.getKey().equals("seen"))
                assertThat(got).isEqualTo(OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC));
            else assertThat(got).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(found.get("email_lower")).isEqualTo("ann@example.com");
        assertThat(found.get("id")).isEqualTo(Long.parseLong(id.parts().getFirst()));
        assertThat(backend.idOf(models.get("person"), found)).isEqualTo(id);
    }

    @Test
    void updateSetsValuesAndNullsAndSaysWhetherTheRecordExists() {
        Id id = backend.insert(models.get("person"), everyType("bob@example.com"));
        Map<String, Object> change = new HashMap<>();
        change.put("age", null);
        change.put("moods", List.of());
        change.put("data", JSON.readTree("null"));
        change.put("email", "bobby@example.com");
        assertThat(backend.update(models.get("person"), id, change)).isTrue();
        Map<String, Object> found = backend.find(models.get("person"), id).orElseThrow();
        assertThat(found.get("age")).isNull();
        assertThat(found.get("moods")).isEqualTo(List.of());
        assertThat(found.get("data")).isEqualTo(JSON.readTree("null"));
        assertThat(found.get("email_lower")).isEqualTo("bobby@example.com");
        assertThat(backend.update(models.get("person"), Id.of("999999"), Map.of("age", 3L)))
                .isFalse();
    }

    @Test
    void aCompositeKeyIsReturnedWhole() {
        Id person = backend.insert(models.get("person"), Map.of("email", "carl@example.com"));
        Id m = backend.insert(
                models.get("membership"),
                Map.of(
                        "team_id",
                        Long.parseLong(red.parts().getFirst()),
                        "person_id",
                        Long.parseLong(person.parts().getFirst())));
        assertThat(m)
                .isEqualTo(new Id(List.of(red.parts().getFirst(), person.parts().getFirst())));
        assertThat(backend.find(models.get("membership"), m).orElseThrow()).containsEntry("role", "member");
        assertThat(backend.delete(models.get("membership"), List.of(m, Id.of("1", "999999"))))
                .isEqualTo(1);
        assertThat(backend.find(models.get("membership"), m)).isEmpty();
    }

    @Test
    void deleteRemovesAllTheRecordsAtOnce() {
        Id a = backend.insert(models.get("person"), Map.of("email", "d1@example.com"));
        Id b = backend.insert(models.get("person"), Map.of("email", "d2@example.com"));
        assertThat(backend.delete(models.get("person"), List.of(a, b, Id.of("999999"))))
                .isEqualTo(2);
        assertThat(backend.find(models.get("person"), a)).isEmpty();
    }

    @Test
    void aDeleteOfReferencedRecordsChangesNothingAndNamesTheReferencingTable() {
        Id blue = backend.insert(models.get("team"), Map.of("name", "Blue"));
        Id free = backend.insert(models.get("team"), Map.of("name", "Free"));
        backend.insert(
                models.get("person"),
                Map.of(
                        "email",
                        "e@example.com",
                        "team_id",
                        Long.parseLong(blue.parts().getFirst())));
        assertThatThrownBy(() -> backend.delete(models.get("team"), List.of(free, blue)))
                .isInstanceOfSatisfying(ConstraintViolation.class, v -> {
                    assertThat(v.field()).isEmpty();
                    assertThat(v.constraint()).contains("person_team_id_fkey");
                })
                .hasMessageContaining("records of person");
        assertThat(backend.find(models.get("team"), free)).isPresent();
    }

    private static ConstraintViolation refused(String model, Map<String, Object> values) {
        try {
            backend.insert(models.get(model), values);
        } catch (ConstraintViolation v) {
            return v;
        }
        throw new AssertionError("the insert into " + model + " of " + values + " was not refused");
    }

    private static void violation(ConstraintViolation v, String field, String constraint, String message) {
        assertThat(v.field()).contains(field);
        if (constraint != null) assertThat(v.constraint()).contains(constraint);
        assertThat(v.getMessage()).isEqualTo(message);
    }

    @Test
    void eachRefusalIsMappedToItsField() {
        backend.insert(models.get("person"), Map.of("email", "taken@example.com", "nick", "taken", "active", true));
        violation(
                refused("person", Map.of("email", "taken@example.com")),
                "email",
                "person_email",
                "must be unique: a record with this email exists");
        violation(
                refused("person", Map.of("email", "f@example.com", "nick", "taken")),
                "nick",
                "person_nick_active",
                "must be unique: a record with this nick exists");
        violation(
                refused("person", Map.of("email", "g@example.com", "team_id", 999L)),
                "team_id",
                "person_team_id_fkey",
                "must reference an existing team record");
        violation(
                refused("person", Map.of("email", "h@example.com", "age", -1L)),
                "age",
                "person_age_check",
                "violates check person_age_check");
        violation(
                refused("person", Map.of("email", "i@example.com", "happiness", 101L)),
                "happiness",
                "percent_check",
                "violates check percent_check");
        violation(refused("person", Map.of("nick", "nobody")), "email", null, "is required");
        violation(refused("team", Map.of("name", "")), "name", "team_name_check", "violates check team_name_check");
        violation(
                refused("badge", Map.of("team_id", 1L, "person_id", 1L, "label", "x")),
                "team_id",
                "badge_membership",
                "must reference an existing membership record");
        ConstraintViolation tooLong = refused("person", Map.of("email", "j@example.com", "nick", "x".repeat(21)));
        assertThat(tooLong.field()).isEmpty();
        assertThat(tooLong.getMessage()).contains("too long");
    }

    @Test
    void namesThatNeedQuotingAreQuoted() {
        Model odd = models.get("Odd Table");
        Id id = backend.insert(odd, Map.of("Key Col", 1L, "Quote\"d", "x"));
        assertThat(backend.find(odd, id).orElseThrow()).containsEntry("Quote\"d", "x");
        assertThat(backend.update(odd, id, Map.of("Quote\"d", "y"))).isTrue();
        violation(
                refused("Odd Table", Map.of("Key Col", 2L, "Quote\"d", "")),
                "Quote\"d",
                null,
                "violates check Odd Table_Quote\"d_check");
        assertThat(backend.delete(odd, List.of(id))).isEqualTo(1);
    }

    @Test
    void anIdThisTableCannotHaveIsABadArgument() {
        assertThatThrownBy(() -> backend.find(models.get("person"), Id.of("abc")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backend.find(models.get("membership"), Id.of("1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(backend.find(models.get("person"), Id.of("424242"))).isEqualTo(Optional.empty());
    }
}
