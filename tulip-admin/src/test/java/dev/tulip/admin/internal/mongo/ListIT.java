package dev.tulip.admin.internal.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Condition.Op;
import dev.tulip.admin.spi.Count;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Page;
import dev.tulip.admin.spi.Sort;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListIT {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectId OWNER = new ObjectId();
    private static final List<String> TITLES =
            List.of("a.b", "axb", "A*B", "(x)", "C++", "c+", "back\\Eslash", "plain", "[set]", "^start$");
    private static EmbeddedDb db;
    private static final List<String> commands = new CopyOnWriteArrayList<>();
    private static MongoBackend backend;
    private static Model tasks;
    private static List<Document> docs;

    @BeforeAll
    static void start() {
        db = EmbeddedDb.start("lists");
        docs = IntStream.range(0, 40)
                .mapToObj(i -> {
                    Document d = new Document("_id", new ObjectId())
                            .append("title", TITLES.get(i % TITLES.size()))
                            .append("n", i)
                            .append("score", i / 4.0)
                            .append("price", new Decimal128(new BigDecimal(i).movePointLeft(1)))
                            .append("done", i % 3 == 0)
                            .append("due", Date.from(T0.plusSeconds(3600L * i)))
                            .append("owner", i % 2 == 0 ? OWNER : new ObjectId())
                            .append("tags", List.of("t" + (i % 4), "all"));
                    if (i % 5 != 0) d.append("rank", i % 7); // ties, and some missing
                    if (i % 6 != 0) d.append("label", "L" + (i % 3)); // unindexed, ties, some missing
                    return d;
                })
                .toList();
        db.collection("tasks").insertMany(docs);
        db.collection("tasks").createIndex(Indexes.ascending("rank"), new IndexOptions());
        backend = new MongoBackend(db.mongo, List.of(), commands::add);
        tasks = backend.models().getFirst();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static ListQuery query(
            List<Condition> conditions, Optional<String> search, Optional<Sort> sort, int limit) {
        return new ListQuery(
                conditions, search, List.of("title"), sort, Optional.empty(), 0, limit, List.of("title", "n"));
    }

    private static List<String> ids(List<Condition> conditions) {
        return ids(backend.list(tasks, query(conditions, Optional.empty(), Optional.empty(), 100)));
    }

    private static List<String> ids(Page page) {
        return page.rows().stream().map(r -> (String) r.get("_id")).toList();
    }

    private static List<String> expected(Predicate<Document> p) {
        return docs.stream()
                .filter(p)
                .map(d -> d.getObjectId("_id").toHexString())
                .sorted()
                .toList();
    }

    @Test
    void eachComparisonMatchesWhatItSays() {
        assertThat(ids(List.of(new Condition("n", Op.EQ, 7L)))).isEqualTo(expected(d -> d.getInteger("n") == 7));
        assertThat(ids(List.of(new Condition("n", Op.NE, 7L)))).isEqualTo(expected(d -> d.getInteger("n") != 7));
        assertThat(ids(List.of(new Condition("n", Op.LT, 7L)))).isEqualTo(expected(d -> d.getInteger("n") < 7));
        assertThat(ids(List.of(new Condition("n", Op.LTE, 7L)))).isEqualTo(expected(d -> d.getInteger("n") <= 7));
        assertThat(ids(List.of(new Condition("n", Op.GT, 30L)))).isEqualTo(expected(d -> d.getInteger("n") > 30));
        assertThat(ids(List.of(new Condition("n", Op.GTE, 30L)))).isEqualTo(expected(d -> d.getInteger("n") >= 30));
        assertThat(ids(List.of(new Condition("n", Op.IN, List.of(1L, 3L, 99L)))))
                .isEqualTo(expected(d -> List.of(1, 3).contains(d.getInteger("n"))));
    }

    @Test
    void nullTestsMatchMissingFieldsAsNull() {
        assertThat(ids(List.of(Condition.isNull("label")))).isEqualTo(expected(d -> !d.containsKey("label")));
        assertThat(ids(List.of(Condition.notNull("label")))).isEqualTo(expected(d -> d.containsKey("label")));
        assertThat(ids(List.of(Condition.isNull("label")))).isNotEmpty();
    }

    @Test
    void containsIgnoresCase() {
        assertThat(ids(List.of(new Condition("title", Op.CONTAINS, "PLA"))))
                .isEqualTo(expected(d -> d.getString("title").equals("plain")));
    }

    @Test
    void valuesOfEveryTypeAreComparedAsStored() {
        OffsetDateTime t5 = OffsetDateTime.ofInstant(T0.plusSeconds(3600L * 5), ZoneOffset.UTC);
        assertThat(ids(List.of(new Condition("due", Op.LT, t5)))).isEqualTo(expected(d -> d.getInteger("n") < 5));
        assertThat(ids(List.of(new Condition("price", Op.GTE, new BigDecimal("3.5")))))
                .isEqualTo(expected(d -> d.getInteger("n") >= 35));
        assertThat(ids(List.of(new Condition("score", Op.EQ, 2.0)))).isEqualTo(expected(d -> d.getInteger("n") == 8));
        assertThat(ids(List.of(new Condition("done", Op.EQ, true)))).isEqualTo(expected(d -> d.getBoolean("done")));
        assertThat(ids(List.of(new Condition("owner", Op.EQ, OWNER.toHexString()))))
                .isEqualTo(expected(d -> d.getInteger("n") % 2 == 0));
        assertThat(ids(List.of(new Condition("tags", Op.EQ, "t1"))))
                .isEqualTo(expected(d -> d.getInteger("n") % 4 == 1));
    }

    @Test
    void conditionsAllHold() {
        assertThat(ids(List.of(new Condition("n", Op.GTE, 10L), new Condition("done", Op.EQ, true))))
                .isEqualTo(expected(d -> d.getInteger("n") >= 10 && d.getBoolean("done")));
    }

    @Test
    void searchTakesRegexMetacharactersLiterally() {
        for (String title : TITLES) {
            List<String> found = ids(backend.list(tasks, query(List.of(), Optional.of(title), Optional.empty(), 100)));
            assertThat(found)
                    .as("search for %s", title)
                    .isEqualTo(expected(d -> d.getString("title").toLowerCase().contains(title.toLowerCase())));
        }
        assertThat(ids(backend.list(tasks, query(List.of(), Optional.of(".*"), Optional.empty(), 100))))
                .isEmpty();
        assertThat(ids(backend.list(tasks, query(List.of(), Optional.of("c+"), Optional.empty(), 100))))
                .hasSize(8); // "C++" and "c+", ignoring case
    }

    @Test
    void aSortByAnUnindexedFieldIsByOffsetWithTheIdBreakingTies() {
        Page page = backend.list(tasks, query(List.of(), Optional.empty(), Optional.of(new Sort("label", false)), 100));
        assertThat(page.keyset()).isFalse();
        assertThat(page.next()).isEmpty();
        Comparator<Document> byLabel = Comparator.comparing(
                        (Document d) -> d.getString("label"), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(d -> d.getObjectId("_id"));
        assertThat(ids(page))
                .isEqualTo(docs.stream()
                        .sorted(byLabel)
                        .map(d -> d.getObjectId("_id").toHexString())
                        .toList());
        Page down = backend.list(tasks, query(List.of(), Optional.empty(), Optional.of(new Sort("label", true)), 100));
        assertThat(ids(down))
                .isEqualTo(docs.stream()
                        .sorted(byLabel.reversed())
                        .map(d -> d.getObjectId("_id").toHexString())
                        .toList());
    }

    @Test
    void keysetPagesAreTheOffsetPagesTiesAndMissingValuesIncluded() {
        for (Optional<Sort> sort : List.of(
                Optional.<Sort>empty(),
                Optional.of(new Sort("_id", true)),
                Optional.of(new Sort("rank", false)),
                Optional.of(new Sort("rank", true)))) {
            List<String> byKeyset = new ArrayList<>();
            Optional<String> after = Optional.empty();
            int pages = 0;
            do {
                Page page = backend.list(
                        tasks, new ListQuery(List.of(), Optional.empty(), List.of(), sort, after, 0, 7, List.of("n")));
                assertThat(page.keyset()).isTrue();
                byKeyset.addAll(ids(page));
                after = page.next();
                assertThat(page.hasMore()).isEqualTo(after.isPresent());
                pages++;
            } while (after.isPresent());
            List<String> byOffset = new ArrayList<>();
            for (int offset = 0; offset < 40; offset += 7) {
                Page page = backend.list(
                        tasks,
                        new ListQuery(
                                List.of(),
                                Optional.empty(),
                                List.of(),
                                sort,
                                Optional.empty(),
                                offset,
                                7,
                                List.of("n")));
                byOffset.addAll(ids(page));
            }
            assertThat(pages).as("pages for %s", sort).isEqualTo(6);
            assertThat(byKeyset)
                    .as("order for %s", sort)
                    .isEqualTo(byOffset)
                    .hasSize(40)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void aKeysetListByRankBreaksTiesByIdAndPutsMissingValuesFirst() {
        Page page = backend.list(tasks, query(List.of(), Optional.empty(), Optional.of(new Sort("rank", false)), 40));
        Comparator<Document> byRank = Comparator.comparing(
                        (Document d) -> d.getInteger("rank"), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(d -> d.getObjectId("_id"));
        assertThat(ids(page))
                .isEqualTo(docs.stream()
                        .sorted(byRank)
                        .map(d -> d.getObjectId("_id").toHexString())
                        .toList());
    }

    @Test
    void aTamperedCursorIsRefused() {
        Optional<Sort> byRank = Optional.of(new Sort("rank", false));
        String next = backend.list(tasks, query(List.of(), Optional.empty(), byRank, 5))
                .next()
                .orElseThrow();
        String json = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
        for (String forged : List.of(
                "not a cursor!",
                next.substring(0, next.length() - 3),
                encode(json.replace("\"f\":\"rank\"", "\"f\":\"n\"")),
                encode(json.replaceFirst(
                        "\"k\":\"[0-9a-f]+\"", Matcher.quoteReplacement("\"k\":\"{\\\"$ne\\\": null}\""))),
                encode(json.replaceFirst("\"v\":(null|\"[^\"]*\")", "\"v\":\"seven\"")),
                encode(json.replaceFirst("\"v\":(null|\"[^\"]*\")", Matcher.quoteReplacement("\"v\":{\"$gt\":\"\"}"))),
                encode("{\"f\":\"rank\",\"d\":false,\"v\":null,\"k\":\"" + new ObjectId() + "\",\"x\":1}"))) {
            assertThatThrownBy(() -> backend.list(
                            tasks,
                            new ListQuery(
                                    List.of(),
                                    Optional.empty(),
                                    List.of(),
                                    byRank,
                                    Optional.of(forged),
                                    0,
                                    5,
                                    List.of())))
                    .as(forged)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("page cursor");
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorForAnotherOrderIsRefused() {
        String next = backend.list(tasks, query(List.of(), Optional.empty(), Optional.of(new Sort("rank", false)), 5))
                .next()
                .orElseThrow();
        assertThatThrownBy(() -> backend.list(
                        tasks,
                        new ListQuery(
                                List.of(),
                                Optional.empty(),
                                List.of(),
                                Optional.of(new Sort("rank", true)),
                                Optional.of(next),
                                0,
                                5,
                                List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPageHoldsTheRequestedFieldsAndTheKeyOnly() {
        Map<String, Object> row = backend.list(tasks, query(List.of(), Optional.empty(), Optional.empty(), 1))
                .rows()
                .getFirst();
        assertThat(row).containsOnlyKeys("_id", "title", "n");
    }

    @Test
    void aListIsOneFindCommand() {
        commands.clear();
        backend.list(
                tasks,
                query(
                        List.of(new Condition("n", Op.GT, 3L)),
                        Optional.of("a"),
                        Optional.of(new Sort("rank", true)),
                        5));
        assertThat(commands).containsExactly("find tasks");
    }

    @Test
    void countsOfASmallCollectionAreExact() {
        assertThat(backend.count(tasks, List.of(), Optional.empty(), List.of(), false))
                .isEqualTo(Count.exact(40));
        assertThat(backend.count(tasks, List.of(new Condition("n", Op.LT, 10L)), Optional.empty(), List.of(), false))
                .isEqualTo(Count.exact(10));
        assertThat(backend.count(tasks, List.of(), Optional.of("C+"), List.of("title"), false))
                .isEqualTo(Count.exact(8));
    }

    @Test
    void aLargeCollectionIsEstimatedUnlessExactIsAsked() {
        var big = db.collection("big");
        List<Document> many =
                IntStream.range(0, 10_050).mapToObj(i -> new Document("i", i)).toList();
        for (int i = 0; i < many.size(); i += 2_000) big.insertMany(many.subList(i, Math.min(many.size(), i + 2_000)));
        Model model = backend.models().stream()
                .filter(m -> m.name().equals("big"))
                .findFirst()
                .orElseThrow();
        commands.clear();
        assertThat(backend.count(model, List.of(), Optional.empty(), List.of(), false))
                .isEqualTo(Count.estimate(10_050));
        assertThat(commands).containsExactly("count big");
        assertThat(backend.count(model, List.of(), Optional.empty(), List.of(), true))
                .isEqualTo(Count.exact(10_050));
        assertThat(backend.count(model, List.of(new Condition("i", Op.LT, 100L)), Optional.empty(), List.of(), false))
                .isEqualTo(Count.exact(100));
        big.drop();
    }
}
