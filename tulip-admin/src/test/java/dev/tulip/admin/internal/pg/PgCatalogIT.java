package dev.tulip.admin.internal.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Relation;
import dev.tulip.admin.spi.Rules;
import dev.tulip.pg.Pg;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the backend reads from the catalog of a schema that uses every feature it knows. */
class PgCatalogIT {
    private static Pg pg;
    private static List<Model> models;

    @BeforeAll
    static void start() {
        pg = TestDb.freshPg();
        TestDb.script(pg, "schema.sql");
        models = new PgBackend(pg, "public").models();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    private static Model model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static Field field(String model, String name) {
        return model(model).field(name).orElseThrow();
    }

    @Test
    void tablesAndPartitionedTablesAreModelsButViewsPartitionsAndTheAdminsOwnAreNot() {
        assertThat(models)
                .extracting(Model::name)
                .containsExactly("Odd Table", "badge", "event", "keyless", "membership", "person", "team");
    }

    @Test
    void aTableWithoutAKeyIsSkippedAndOneWithAUniqueNotNullKeyUsesIt() {
        assertThat(model("keyless").primaryKey()).containsExactly("code");
        assertThat(models).noneMatch(m -> m.name().equals("loose"));
    }

    @Test
    void columnsComeInTableOrderWithTheirTypes() {
        assertThat(model("person").fields())
                .extracting(Field::name)
                .containsExactly(
                        "id",
                        "team_id",
                        "email",
                        "nick",
                        "age",
                        "score",
                        "ratio",
                        "active",
                        "mood",
                        "moods",
                        "tags",
                        "numbers",
                        "data",
                        "raw",
                        "photo",
                        "token",
                        "wake",
                        "born",
                        "seen",
                        "gap",
                        "happiness",
                        "email_lower",
                        "bio",
                        "odd");
        assertThat(model("person").fields())
                .extracting(Field::type)
                .containsExactly(
                        FieldType.INTEGER,
                        FieldType.INTEGER,
                        FieldType.TEXT,
                        FieldType.TEXT,
                        FieldType.INTEGER,
                        FieldType.DECIMAL,
                        FieldType.FLOAT,
                        FieldType.BOOLEAN,
                        FieldType.ENUM,
                        FieldType.ARRAY,
                        FieldType.ARRAY,
                        FieldType.ARRAY,
                        FieldType.JSON,
                        FieldType.JSON,
                        FieldType.BYTES,
                        FieldType.UUID,
                        FieldType.TIME,
                        FieldType.TIMESTAMP,
                        FieldType.TIMESTAMPTZ,
                        FieldType.INTERVAL,
                        FieldType.INTEGER,
                        FieldType.TEXT,
                        FieldType.TEXT,
                        FieldType.INTEGER);
    }

    @Test
    void arraysKnowTheirElementsAndEnumsTheirValuesInSortOrder() {
        assertThat(field("person", "moods").elementType()).contains(FieldType.ENUM);
        assertThat(field("person", "moods").enumValues()).containsExactly("sad", "ok", "happy");
        assertThat(field("person", "tags").elementType()).contains(FieldType.TEXT);
        assertThat(field("person", "numbers").elementType()).contains(FieldType.INTEGER);
        assertThat(field("person", "mood").enumValues()).containsExactly("sad", "ok", "happy");
        assertThat(field("person", "mood").elementType()).isEmpty();
    }

    @Test
    void aDomainIsItsBaseTypeWithItsNotNullAndChecks() {
        Field f = field("person", "happiness");
        assertThat(f.type()).isEqualTo(FieldType.INTEGER);
        assertThat(f.nullable()).isFalse();
        assertThat(f.hasDefault()).isTrue();
        assertThat(f.rules())
                .isEqualTo(new Rules(
                        Optional.of(BigDecimal.ZERO),
                        Optional.of(new BigDecimal(100)),
                        OptionalInt.empty(),
                        OptionalInt.empty(),
                        Optional.empty(),
                        Optional.of("percent_check")));
        assertThat(f.help()).contains("From 0 to 100");
    }

    @Test
    void identityAndGeneratedColumnsAreReadOnlyWithDefaults() {
        assertThat(field("team", "id"))
                .extracting(Field::readOnly, Field::hasDefault, Field::nullable)
                .containsExactly(true, true, false);
        assertThat(field("person", "email_lower"))
                .extracting(Field::readOnly, Field::hasDefault)
                .containsExactly(true, true);
        assertThat(field("person", "id"))
                .extracting(Field::readOnly, Field::hasDefault)
                .containsExactly(false, true);
        assertThat(field("person", "email"))
                .extracting(Field::readOnly, Field::hasDefault, Field::nullable)
                .containsExactly(false, false, false);
        assertThat(field("person", "active").hasDefault()).isTrue();
    }

    @Test
    void rangeChecksBecomeInclusiveBoundsNamedAfterTheirConstraint() {
        Rules age = field("person", "age").rules();
        assertThat(age.min()).contains(BigDecimal.ZERO);
        assertThat(age.max()).contains(new BigDecimal(149)); // age < 150 on an integer
        assertThat(age.constraint()).contains("person_age_check");
        Rules score = field("person", "score").rules();
        assertThat(score.min()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
        assertThat(score.max()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1000"));
    }

    @Test
    void lengthsEmptinessAndRegexesBecomeTextRules() {
        Rules bio = field("person", "bio").rules();
        assertThat(bio.maxLength()).hasValue(500);
        assertThat(bio.minLength()).hasValue(2);
        assertThat(field("person", "nick").rules().maxLength()).hasValue(20);
        assertThat(field("person", "nick").rules().constraint()).isEmpty();
        Rules name = field("team", "name").rules();
        assertThat(name.minLength()).hasValue(1);
        assertThat(name.maxLength()).hasValue(40);
        assertThat(name.constraint()).contains("team_name_check");
        assertThat(field("team", "code").rules().pattern()).contains("^[A-Z]{3}$");
    }

    @Test
    void aCheckTheAdminCannotSayIsLeftToTheDatabase() {
        assertThat(field("person", "odd").rules().isEmpty()).isTrue();
    }

    @Test
    void namesThatNeedQuotingAreKeptAsTheyAre() {
        assertThat(model("Odd Table").primaryKey()).containsExactly("Key Col");
        assertThat(field("Odd Table", "Quote\"d").rules().minLength()).hasValue(1);
    }

    @Test
    void commentsAreHelp() {
        assertThat(model("team").help()).contains("The teams people belong to");
        assertThat(field("team", "name").help()).contains("What the team calls itself");
        assertThat(field("team", "code").help()).isEmpty();
    }

    @Test
    void compositeKeysAreKeptInOrder() {
        assertThat(model("membership").primaryKey()).containsExactly("team_id", "person_id");
        assertThat(model("badge").primaryKey()).containsExactly("team_id", "person_id", "label");
        assertThat(model("event").primaryKey()).containsExactly("id", "at");
    }

    @Test
    void uniqueKeysIncludePartialIndexesButOnlyWholeOnesMarkAFieldUnique() {
        assertThat(model("person").uniqueKeys()).containsExactlyInAnyOrder(List.of("email"), List.of("nick"));
        assertThat(field("person", "email").unique()).isTrue();
        assertThat(field("person", "nick").unique()).isFalse();
        assertThat(field("person", "id").unique()).isTrue();
        assertThat(field("team", "name").unique()).isTrue();
    }

    @Test
    void foreignKeysAreReferencesOfOneModelAndReferencedByOfTheOther() {
        Relation badge = new Relation(
                "badge_membership",
                "badge",
                List.of("team_id", "person_id"),
                "membership",
                List.of("team_id", "person_id"));
        assertThat(model("badge").references()).containsExactly(badge);
        assertThat(model("membership").referencedBy()).containsExactly(badge);
        assertThat(model("person").references())
                .containsExactly(
                        new Relation("person_team_id_fkey", "person", List.of("team_id"), "team", List.of("id")));
        assertThat(model("team").referencedBy())
                .extracting(Relation::model)
                .containsExactlyInAnyOrder("person", "membership");
        assertThat(model("person").referenceOf("team_id")).isPresent();
    }
}
