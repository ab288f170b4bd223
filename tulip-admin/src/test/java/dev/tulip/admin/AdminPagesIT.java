package dev.tulip.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.admin.spi.Condition;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages over an in-memory backend: what each shows and what each form does. */
class AdminPagesIT {
    Fixture fx;
    Browser root;

    @BeforeEach
    void start() {
        fx = new Fixture(cfg -> cfg.model(
                "books",
                m -> m.action("shout", "Shout the titles", (ctx, ids) -> {
                    for (var id : ids)
                        fx.backend.data.get("books").stream()
                                .filter(b ->
                                        b.get("id").toString().equals(id.parts().getFirst()))
                                .forEach(b ->
                                        b.put("title", b.get("title").toString().toUpperCase(java.util.Locale.ROOT)));
                    return ids.size() + " titles shouted by " + ctx.username();
                })));
        root = fx.loggedIn("root");
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void theDashboardListsEveryModelWithItsCount() {
        String body = root.get("/admin").body();
        assertThat(body).contains("Authors").contains("Books").contains(">2<").contains("Memory");
    }

    @Test
    void theListShowsReferencedRecordsByLabelWithOneQueryPerReferencedModel() {
        fx.backend.calls.clear();
        String body = root.get("/admin/m/books").body();
        assertThat(body).contains("Notes").contains("Kernel");
        assertThat(body).contains("href=\"/admin/m/authors/r/1\">Ada</a>").contains(">Linus</a>");
        assertThat(fx.backend.calls).containsExactly("list books", "count books", "findAll authors");
    }

    @Test
    void searchSortAndFiltersReachTheBackendAsTypedConditions() {
        String body = root.get(
                        "/admin/m/authors?q=ad&sort=-name&f.active=true&f.born:gte=1800-01-01&f.kind=poet&f.born:null=0")
                .body();
        var q = fx.backend.queries.getLast();
        assertThat(q.search()).hasValue("ad");
        assertThat(q.sort().orElseThrow().descending()).isTrue();
        assertThat(q.conditions())
                .extracting(Condition::field, Condition::op)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("active", Condition.Op.EQ),
                        org.assertj.core.groups.Tuple.tuple("born", Condition.Op.GTE),
                        org.assertj.core.groups.Tuple.tuple("kind", Condition.Op.EQ),
                        org.assertj.core.groups.Tuple.tuple("born", Condition.Op.NOT_NULL));
        assertThat(body).contains("Ada").doesNotContain("Linus");
        assertThat(body).contains("Active: Yes").contains("Born ≥ 1800-01-01").contains("Born is not empty");
        assertThat(body).contains("aria-sort=\"descending\"");
    }

    @Test
    void offsetPagesLinkToTheNextAndPrevious() {
        for (long i = 0; i < 7; i++)
            fx.backend.data.get("books").add(Fixture.row("id", 100 + i, "title", "B" + i, "author_id", 1L));
        String first = root.get("/admin/m/books?size=4").body();
        assertThat(first).contains("id=\"next\"").doesNotContain("id=\"prev\"");
        String second = root.get("/admin/m/books?size=4&offset=4").body();
        assertThat(second).contains("id=\"prev\"").contains("id=\"first\"");
        String last = root.get("/admin/m/books?size=4&offset=8").body();
        assertThat(last).doesNotContain("id=\"next\"");
    }

    @Test
    void anInvalidCreateShowsEveryErrorBesideItsField() {
        root.get("/admin/m/authors/new");
        HttpResponse<String> r =
                root.submit("/admin/m/authors/new", "v:name", "", "v:born", "yesterday", "v:kind", "dramatist");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Please correct the errors below");
        assertThat(r.body())
                .contains("is required")
                .contains("must be a date")
                .contains("must be one of poet, novelist");
        assertThat(r.body()).contains("value=\"yesterday\"");
        assertThat(fx.backend.calls).noneMatch(c -> c.startsWith("insert"));
    }

    @Test
    void aRuleFromTheDatabaseIsCheckedBeforeTheDatabaseIs() {
        root.get("/admin/m/authors/new");
        HttpResponse<String> r = root.submit("/admin/m/authors/new", "v:name", "x".repeat(101));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("must have at most 100 characters (authors_name_check)");
    }

    @Test
    void aConstraintTheDatabaseRefusesLandsOnItsField() {
        root.get("/admin/m/authors/new");
        HttpResponse<String> r =
                root.submit("/admin/m/authors/new", "v:name", "Other Ada", "v:email", "ada@example.com");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body())
                .containsPattern("(?s)id=\"field-in-email\".*must be unique: a record with this email exists");
    }

    @Test
    void aValidCreateSavesAndEachSaveButtonGoesWhereItSays() {
        root.get("/admin/m/authors/new");
        HttpResponse<String> save = root.submit(
                "/admin/m/authors/new", "v:name", "Grace", "v:active", "true", "v:born", "1906-12-09", "_save", "save");
        assertThat(save.statusCode()).isEqualTo(303);
        assertThat(save.headers().firstValue("Location")).hasValue("/admin/m/authors");
        assertThat(root.get("/admin/m/authors").body()).contains("Added.").contains("Grace");
        root.get("/admin/m/authors/new");
        HttpResponse<String> another = root.submit("/admin/m/authors/new", "v:name", "Barbara", "_save", "add");
        assertThat(another.headers().firstValue("Location")).hasValue("/admin/m/authors/new");
        root.get("/admin/m/authors/new");
        HttpResponse<String> cont = root.submit("/admin/m/authors/new", "v:name", "Frances", "_save", "continue");
        assertThat(cont.headers().firstValue("Location").orElseThrow()).matches("/admin/m/authors/r/\\d+/edit");
        var grace = fx.backend.data.get("authors").stream()
                .filter(a -> "Grace".equals(a.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(grace.get("born")).isEqualTo(java.time.LocalDate.of(1906, 12, 9));
        assertThat(grace.get("active")).isEqualTo(true);
    }

    @Test
    void editChangesTheRecordAndAnUncheckedBoxMeansNo() {
        String form = root.get("/admin/m/authors/r/1/edit").body();
        assertThat(form).contains("value=\"Ada\"").contains("type=\"date\"").contains("<select");
        HttpResponse<String> r = root.submit(
                "/admin/m/authors/r/1/edit",
                "v:name",
                "Ada L.",
                "v:email",
                "ada@example.com",
                "v:kind",
                "novelist",
                "v:born",
                "1815-12-10");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        var ada = fx.backend.data.get("authors").getFirst();
        assertThat(ada.get("name")).isEqualTo("Ada L.");
        assertThat(ada.get("kind")).isEqualTo("novelist");
        assertThat(ada.get("active")).isEqualTo(false);
    }

    @Test
    void deleteListsTheDependentsFirstAndDeletesOnConfirmation() {
        String confirm = root.get("/admin/m/authors/r/1/delete").body();
        assertThat(confirm)
                .contains("Records that reference them")
                .contains("Books (by Author id)")
                .contains(": 1");
        assertThat(confirm).contains("href=\"/admin/m/books/r/10\"");
        HttpResponse<String> r = root.submit("/admin/m/authors/r/1/delete", "confirmed", "yes");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(fx.backend.data.get("authors")).extracting(a -> a.get("id")).doesNotContain(1L);
    }

    @Test
    void bulkDeleteAsksFirstThenDeletesTheSelection() {
        root.get("/admin/m/books");
        HttpResponse<String> ask = root.submit("/admin/m/books/bulk", "action", "delete", "ids", "10", "ids", "11");
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("Delete 2 Books records?");
        assertThat(fx.backend.data.get("books")).hasSize(2);
        HttpResponse<String> done =
                root.submit("/admin/m/books/bulk", "action", "delete", "ids", "10", "ids", "11", "confirmed", "yes");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(fx.backend.data.get("books")).isEmpty();
        assertThat(root.get("/admin/m/books").body()).contains("Deleted 2 records.");
    }

    @Test
    void aCustomActionRunsOnTheSelectionAndSaysWhatItDid() {
        root.get("/admin/m/books");
        HttpResponse<String> r = root.submit("/admin/m/books/bulk", "action", "shout", "ids", "10");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(fx.backend.data.get("books").getFirst().get("title")).isEqualTo("NOTES");
        assertThat(root.get("/admin/m/books").body()).contains("1 titles shouted by root");
        root.get("/admin/m/books");
        assertThat(root.submit("/admin/m/books/bulk", "action", "nope", "ids", "10")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theDetailPageLinksToReferencedRecordsAndToTheListsThatReferenceIt() {
        String book = root.get("/admin/m/books/r/10").body();
        assertThat(book).contains("href=\"/admin/m/authors/r/1\"");
        String author = root.get("/admin/m/authors/r/1").body();
        assertThat(author).contains("href=\"/admin/m/books?f.author_id=1\"");
        assertThat(root.get("/admin/m/books?f.author_id=1").body())
                .contains("Notes")
                .doesNotContain("Kernel");
    }

    @Test
    void referenceChoicesAreSearchedOnTheServer() {
        String options = root.get("/admin/m/authors/lookup?q=lin").body();
        assertThat(options.strip()).isEqualTo("<option value=\"2\">Linus</option>");
        assertThat(root.get("/admin/m/authors/lookup?v:author_id=ad").body()).contains(">Ada<");
    }

    @Test
    void missingRecordsAndBadIdsAreAnsweredAsSuch() {
        assertThat(root.get("/admin/m/authors/r/999").statusCode()).isEqualTo(404);
        assertThat(root.get("/admin/m/authors/r/1,2").statusCode()).isEqualTo(400);
        assertThat(root.get("/admin/m/nothing").statusCode()).isEqualTo(404);
        assertThat(root.get("/admin/m/authors/r/~x").statusCode()).isEqualTo(400);
    }

    @Test
    void theStaticFilesAreServedFromTheWebjars() {
        HttpResponse<String> htmx = root.get("/admin/static/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
        assertThat(root.get("/admin/static/pico.min.css").body()).contains("--pico");
        assertThat(root.get("/admin/static/admin.js").statusCode()).isEqualTo(200);
        assertThat(List.of(root.get("/admin/static/../pom.xml").statusCode())).doesNotContain(200);
    }
}
