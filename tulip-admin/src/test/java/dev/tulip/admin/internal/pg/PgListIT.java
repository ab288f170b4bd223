package dev.tulip.admin.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Page;
import dev.tulip.admin.spi.Sort;
import dev.tulip.pg.Pg;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages of a list: filters, search, sorts, keyset against offset, cursors, one statement each. */
class PgListIT {
    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    private static Pg pg;
    private static PgBackend backend;
    private static Model person;

    @BeforeAll
    static void start() {
        pg = TestDb.freshPg();
        TestDb.script(pg, "schema.sql");
        TestDb.script(pg, "people.sql");
        backend = new PgBackend(pg, "public", STATEMENTS::add);
        person = backend.models().stream()
                .filter(m -> m.name().equals("person"))
                .findFirst()
                .orElseThrow();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private static ListQuery query(
            List<Condition> conditions, Optional<Sort> sort, Optional<String> after, long offset, int limit) {
        return new ListQuery(
                conditions, Optional.empty(), List.of(), sort, after, offset, limit, List.of("email", "age", "ratio"));
    }

    private static List<Long> ids(List<Condition> conditions) {
        List<Long> out = new ArrayList<>();
        for (Map<String, Object> r : backend.list(
                        person, query(conditions, Optional.empty(), Optional.empty(), 0, 1000))
                .rows()) out.add((Long) r.get("id"));
        return out;
    }

    private static List<Long> where(String sql) {
        return pg.rows("select id from person where " + sql + " order by id").stream()
                .map(r -> ((Number) r.value(0)).longValue())
                .toList();
    }

    @Test
    void everyConditionOpSelectsWhatSqlWould() {
        assertThat(ids(List.of(new Condition("age", Condition.Op.EQ, 3L)))).isEqualTo(where("age = 3"));
        assertThat(ids(List.of(new Condition("age", Condition.Op.NE, 3L)))).isEqualTo(where("age is distinct from 3"));
        assertThat(ids(List.of(new Condition("age", Condition.Op.LT, 2L)))).isEqualTo(where("age < 2"));
        assertThat(ids(List.of(new Condition("age", Condition.Op.LTE, 2L)))).isEqualTo(where("age <= 2"));
        assertThat(ids(List.of(new Condition("age", Condition.Op.GT, 4L)))).isEqualTo(where("age > 4"));
        assertThat(ids(List.of(new Condition("age", Condition.Op.GTE, 4L)))).isEqualTo(where("age >= 4"));
        assertThat(ids(List.of(new Condition("mood", Condition.Op.IN, List.of("sad", "happy")))))
                .isEqualTo(where("mood in ('sad', 'happy')"));
        assertThat(ids(List.of(new Condition("email", Condition.Op.CONTAINS, "P1"))))
                .isEqualTo(where("email ilike '%p1%'"));
        assertThat(ids(List.of(Condition.isNull("age")))).isEqualTo(where("age is null"));
        assertThat(ids(List.of(Condition.notNull("team_id")))).isEqualTo(where("team_id is not null"));
        assertThat(ids(List.of(
                        new Condition("active", Condition.Op.EQ, true), new Condition("age", Condition.Op.EQ, 1L))))
                .isEqualTo(where("active and age = 1"))
                .isNotEmpty();
        assertThat(ids(List.of(new Condition("age", Condition.Op.IN, List.of()))))
                .isEmpty();
    }

    @Test
    void searchTreatsPercentAndUnderscoreInTheUsersTextAsThemselves() {
        ListQuery percent = new ListQuery(
                List.of(),
                Optional.of("A%B"),
                List.of("email", "nick"),
                Optional.empty(),
                Optional.empty(),
                0,
                10,
                List.of("email"));
        assertThat(backend.list(person, percent).rows())
                .extracting(r -> r.get("email"))
                .containsExactly("a%b@x.org");
        ListQuery underscore = new ListQuery(
                List.of(),
                Optional.of("a_b"),
                List.of("email"),
                Optional.empty(),
                Optional.empty(),
                0,
                10,
                List.of("email"));
        assertThat(backend.list(person, underscore).rows())
                .extracting(r -> r.get("email"))
                .containsExactly("a_b@x.org");
        ListQuery nick = new ListQuery(
                List.of(),
                Optional.of("PLAIN"),
                List.of("email", "nick"),
                Optional.empty(),
                Optional.empty(),
                0,
                10,
                List.of("email"));
        assertThat(backend.list(person, nick).rows())
                .extracting(r -> r.get("email"))
                .containsExactly("axb@x.org");
    }

    @Test
    void sortsEachWayWithTheKeyBreakingTies() {
        for (boolean desc : List.of(false, true)) {
            List<Map<String, Object>> rows = backend.list(
                            person, query(List.of(), Optional.of(new Sort("ratio", desc)), Optional.empty(), 0, 1000))
                    .rows();
            Comparator<Map<String, Object>> order = Comparator.comparing(
                            (Map<String, Object> r) -> (Double) r.get("ratio"),
                            Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(r -> (Long) r.get("id"));
            List<Map<String, Object>> expected = new ArrayList<>(rows);
            expected.sort(desc ? order.reversed() : order);
            assertThat(rows).hasSize(203).isEqualTo(expected);
        }
    }

    @Test
    void aListReadsOnlyItsFieldsAndTheKey() {
        Page page = backend.list(person, query(List.of(), Optional.empty(), Optional.empty(), 0, 5));
        assertThat(page.rows().getFirst().keySet()).containsExactly("email", "age", "ratio", "id");
    }

    @Test
    void aListIsOneStatement() {
        Page first =
                backend.list(person, query(List.of(), Optional.of(new Sort("age", false)), Optional.empty(), 0, 50));
        STATEMENTS.clear();
        backend.list(
                person,
                query(
                        List.of(new Condition("age", Condition.Op.GT, 1L)),
                        Optional.of(new Sort("age", false)),
                        first.next(),
                        0,
                        50));
        assertThat(STATEMENTS).hasSize(1);
        assertThat(STATEMENTS.getFirst()).startsWith("select ").doesNotContain("*");
    }

    @Test
    void keysetPagesOverAnIndexedNullableColumnWithTiesMatchOffsetPages() {
        for (Optional<Sort> sort : List.of(
                Optional.<Sort>empty(),
                Optional.of(new Sort("age", false)),
                Optional.of(new Sort("age", true)),
                Optional.of(new Sort("id", true)),
                Optional.of(new Sort("email", false)))) {
            List<Object> keyset = new ArrayList<>(), offset = new ArrayList<>();
            Optional<String> after = Optional.empty();
            for (int n = 0; ; n++) {
                Page p = backend.list(person, query(List.of(), sort, after, 0, 7));
                assertThat(p.keyset()).as("keyset for %s", sort).isTrue();
                p.rows().forEach(r -> keyset.add(r.get("id")));
                if (!p.hasMore()) break;
                after = p.next();
                assertThat(after).isPresent();
            }
            for (long skip = 0; ; skip += 7) {
                Page p = backend.list(person, query(List.of(), sort, Optional.empty(), skip, 7));
                p.rows().forEach(r -> offset.add(r.get("id")));
                if (!p.hasMore()) break;
            }
            assertThat(keyset).as("pages by %s", sort).hasSize(203).isEqualTo(offset);
            assertThat(new HashSet<>(keyset)).hasSize(203);
        }
    }

    @Test
    void aSortWithoutAnIndexPagesByOffset() {
        Page p = backend.list(person, query(List.of(), Optional.of(new Sort("ratio", false)), Optional.empty(), 0, 10));
        assertThat(p.keyset()).isFalse();
        assertThat(p.next()).isEmpty();
        assertThat(p.hasMore()).isTrue();
        Page partial =
                backend.list(person, query(List.of(), Optional.of(new Sort("nick", false)), Optional.empty(), 0, 10));
        assertThat(partial.keyset()).as("only a partial index on nick").isFalse();
        assertThatThrownBy(() -> backend.list(
                        person, query(List.of(), Optional.of(new Sort("ratio", false)), Optional.of("eyJ9"), 0, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTamperedCursorIsRefused() {
        Optional<Sort> byAge = Optional.of(new Sort("age", false));
        String cursor = backend.list(person, query(List.of(), byAge, Optional.empty(), 0, 5))
                .next()
                .orElseThrow();
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        List<String> bad = List.of(
                "not base64!",
                cursor.substring(0, cursor.length() - 3),
                encode(json.replace("\"age\"", "\"email\"")),
                encode(json.replace("\"d\":false", "\"d\":true")),
                encode(json.replaceFirst("\"v\":\"[^\"]*\"", "\"v\":\"x; drop table person\"")),
                encode(json.replaceFirst("\"k\":\\[\"[^\"]*\"]", "\"k\":[\"1\",\"2\"]")),
                encode(json.replaceFirst("\"k\":\\[\"[^\"]*\"]", "\"k\":[\"one\"]")),
                encode("[]"));
        for (String c : bad)
            assertThatThrownBy(() -> backend.list(person, query(List.of(), byAge, Optional.of(c), 0, 5)))
                    .as(c)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("start from the first page");
        assertThat(backend.list(person, query(List.of(), byAge, Optional.of(cursor), 0, 5))
                        .rows())
                .hasSize(5);
    }

    @Test
    void aValueThatCannotBeTheFieldsOrAFieldTheModelLacksIsABadArgumentBeforeAnyStatement() {
        STATEMENTS.clear();
        for (List<Condition> bad : List.of(
                List.of(new Condition("age", Condition.Op.EQ, "abc")),
                List.of(new Condition("age", Condition.Op.EQ, List.of(1L))),
                List.of(new Condition("mood", Condition.Op.IN, List.of("sad", "furious"))),
                List.of(new Condition("seen", Condition.Op.GT, 3L)),
                List.of(new Condition("nope", Condition.Op.EQ, 1L))))
            assertThatThrownBy(() -> ids(bad)).as("%s", bad).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backend.list(
                        person, query(List.of(), Optional.of(new Sort("nope", false)), Optional.empty(), 0, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(STATEMENTS).isEmpty();
        assertThat(ids(List.of(new Condition("age", Condition.Op.EQ, "3")))).isEqualTo(where("age = 3"));
    }

    @Test
    void aCompositeKeyPagesByKeyset() {
        Model membership = backend.models().stream()
                .filter(m -> m.name().equals("membership"))
                .findFirst()
                .orElseThrow();
        for (long i = 1; i <= 30; i++)
            pg.execute("insert into membership (team_id, person_id) values ($1, $2)", 1 + i % 2, i);
        List<Id> seen = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page p = backend.list(
                    membership,
                    new ListQuery(
                            List.of(), Optional.empty(), List.of(), Optional.empty(), after, 0, 4, List.of("role")));
            assertThat(p.keyset()).isTrue();
            p.rows().forEach(r -> seen.add(backend.idOf(membership, r)));
            after = p.hasMore() ? p.next() : Optional.empty();
        } while (after.isPresent());
        assertThat(seen).hasSize(30).doesNotHaveDuplicates();
        assertThat(seen.getFirst()).isEqualTo(Id.of("1", "2"));
        assertThat(seen).allMatch(Objects::nonNull);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
