package dev.tulip.admin.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.admin.spi.Choice;
import dev.tulip.admin.spi.Dependents;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.Model;
import dev.tulip.pg.Pg;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records by id, in bulk, as reference choices, and the records that reference them. */
class PgReadsIT {
    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    private static Pg pg;
    private static PgBackend backend;
    private static final Map<String, Model> MODELS = new HashMap<>();

    @BeforeAll
    static void start() {
        pg = TestDb.freshPg();
        TestDb.script(pg, "schema.sql");
        TestDb.script(pg, "people.sql");
        pg.execute(
                "insert into membership (team_id, person_id, role) select 1 + i % 2, i, 'r' || i from generate_series(1, 20) i");
        pg.execute(
                "insert into badge (team_id, person_id, label) values (2, 1, 'gold'), (2, 1, 'silver'), (1, 2, 'gold')");
        backend = new PgBackend(pg, "public", STATEMENTS::add);
        backend.models().forEach(m -> MODELS.put(m.name(), m));
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @BeforeEach
    void clear() {
        STATEMENTS.clear();
    }

    @Test
    void findReadsEveryField() {
        Map<String, Object> p = backend.find(MODELS.get("person"), Id.of("7")).orElseThrow();
        assertThat(p)
                .containsEntry("email", "p7@example.com")
                .containsEntry("age", 0L)
                .containsEntry("mood", "ok");
        assertThat(p.keySet()).hasSize(MODELS.get("person").fields().size());
    }

    @Test
    void findAllReadsSingleKeysInOneStatement() {
        Map<Id, Map<String, Object>> found =
                backend.findAll(MODELS.get("person"), List.of(Id.of("1"), Id.of("2"), Id.of("999")), List.of("email"));
        assertThat(STATEMENTS).hasSize(1);
        assertThat(found).containsOnlyKeys(Id.of("1"), Id.of("2"));
        assertThat(found.get(Id.of("2"))).containsExactly(Map.entry("id", 2L), Map.entry("email", "p2@example.com"));
    }

    @Test
    void findAllReadsCompositeKeysInOneStatement() {
        Map<Id, Map<String, Object>> found = backend.findAll(
                MODELS.get("membership"), List.of(Id.of("2", "1"), Id.of("1", "2"), Id.of("1", "1")), List.of("role"));
        assertThat(STATEMENTS).hasSize(1);
        assertThat(found).containsOnlyKeys(Id.of("2", "1"), Id.of("1", "2"));
        assertThat(found.get(Id.of("1", "2"))).containsEntry("role", "r2");
        assertThat(backend.findAll(MODELS.get("membership"), List.of(), List.of("role")))
                .isEmpty();
    }

    @Test
    void lookupFindsLabelsContainingTheTermAndTheRecordWhoseKeyItIs() {
        List<Choice> byLabel = backend.lookup(MODELS.get("person"), "P19", List.of("email"), 5);
        assertThat(byLabel)
                .extracting(Choice::label)
                .containsExactly(
                        "p19@example.com",
                        "p190@example.com",
                        "p191@example.com",
                        "p192@example.com",
                        "p193@example.com");
        List<Choice> byKey = backend.lookup(MODELS.get("person"), "42", List.of("email"), 3);
        assertThat(byKey.getFirst()).isEqualTo(new Choice(Id.of("42"), "p42@example.com"));
        assertThat(backend.lookup(MODELS.get("person"), "%", List.of("email"), 5))
                .extracting(Choice::label)
                .containsExactly("a%b@x.org");
        assertThat(backend.lookup(MODELS.get("team"), "", List.of("name", "code"), 5))
                .extracting(Choice::label)
                .containsExactly("Red RED", "Blue BLU");
    }

    @Test
    void dependentsCountAndSampleTheRecordsOfEachReferencingTable() {
        List<Dependents> team = backend.dependents(MODELS.get("team"), List.of(Id.of("2")), 3);
        Dependents people = team.stream()
                .filter(d -> d.relation().model().equals("person"))
                .findFirst()
                .orElseThrow();
        long expected = pg.value(Long.class, "select count(*) from person where team_id = 2")
                .orElseThrow();
        assertThat(people.count()).isEqualTo(expected).isPositive();
        assertThat(people.sample()).containsExactly(Id.of("1"), Id.of("5"), Id.of("7"));
        Dependents memberships = team.stream()
                .filter(d -> d.relation().model().equals("membership"))
                .findFirst()
                .orElseThrow();
        assertThat(memberships.count()).isEqualTo(10);

        List<Dependents> badges =
                backend.dependents(MODELS.get("membership"), List.of(Id.of("2", "1"), Id.of("1", "2")), 5);
        assertThat(badges).singleElement().satisfies(d -> {
            assertThat(d.count()).isEqualTo(3);
            assertThat(d.sample())
                    .containsExactly(Id.of("1", "2", "gold"), Id.of("2", "1", "gold"), Id.of("2", "1", "silver"));
        });
    }

    @Test
    void idOfWritesTheKeyInCanonicalText() {
        assertThat(backend.idOf(MODELS.get("badge"), Map.of("team_id", 2L, "person_id", 1L, "label", "a,b~c"))
                        .encoded())
                .isEqualTo("2,1,a~cb~~c");
    }
}
