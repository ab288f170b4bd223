package dev.tulip.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import dev.tulip.admin.internal.pg.PgAdminStore;
import dev.tulip.admin.internal.pg.PgBackend;
import dev.tulip.admin.internal.pg.TestDb;
import dev.tulip.pg.Pg;
import dev.tulip.test.TestServer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin over PostgreSQL tables on the embedded server: the browser flows, and the statements of a list page. */
class PgAdminIT extends ChromiumTest {
    /** An app with the authors/books tables (a fresh database each) and the admin over them. */
    static final class Site implements AutoCloseable {
        final List<String> statements = new CopyOnWriteArrayList<>();
        final TestServer server;

        Site(boolean counting) {
            String url = TestDb.freshDatabase();
            Tulip app = Tulip.create(c -> c.port(0));
            Pg pg = Pg.create(cfg -> cfg.url(url).migrations("db/admin-it"));
            app.install(pg);
            Admin admin = Admin.create(cfg -> {
                if (counting)
                    cfg.backend("pg", new PgBackend(pg, "public", statements::add))
                            .store(new PgAdminStore(pg));
                else cfg.pg(pg);
            });
            app.install(admin);
            server = TestServer.start(app);
            admin.saveUser("root", Fixture.PASSWORD, true, Set.of());
        }

        String base() {
            return "http://127.0.0.1:" + server.port();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @ParameterizedTest(name = "scripts {0}")
    @ValueSource(booleans = {true, false})
    void everyFlowWorksOnATable(boolean scripts) throws Exception {
        try (Site site = new Site(false)) {
            browser.scripts(scripts);
            BrowserFlows flows = new BrowserFlows(browser, site.base(), "pg-" + (scripts ? "js" : "nojs"), false);
            flows.all("root", Fixture.PASSWORD, true, true);
        }
    }

    @Test
    void aListPageSendsOneStatementForThePageOneForItsCountAndOneForEachReferencedTable() {
        try (Site site = new Site(true)) {
            Browser b = new Browser(site.base());
            b.login("root", Fixture.PASSWORD);
            for (int i = 0; i < 3; i++) b.get("/admin/m/books"); // warm: nothing is read once per page after the first
            site.statements.clear();
            String page = b.get("/admin/m/books").body();
            assertThat(page).contains("Notes").contains(">Ada</a>").contains(">Linus</a>");
            // the page; its count (the planner's estimate, then, the table being small, an exact
            // count under a statement timeout); the referenced authors, all in one statement
            assertThat(site.statements).as(String.join("\n", site.statements)).hasSize(5);
            assertThat(site.statements.get(0))
                    .startsWith("select")
                    .contains("from \"public\".\"books\"")
                    .contains("limit");
            assertThat(site.statements.get(1)).contains("reltuples");
            assertThat(site.statements.get(2)).startsWith("set local statement_timeout");
            assertThat(site.statements.get(3)).startsWith("select count(*) from \"public\".\"books\"");
            assertThat(site.statements.get(4))
                    .contains("from \"public\".\"authors\"")
                    .contains("any($1");
        }
    }

    @Test
    void hiddenFieldsOfATableReachNoPageAndTheCommentIsHelp() {
        try (Site site = new Site(false)) {
            Browser b = new Browser(site.base());
            b.login("root", Fixture.PASSWORD);
            for (String p : List.of("/admin/m/authors", "/admin/m/authors/r/1", "/admin/m/authors/r/1/edit"))
                assertThat(b.get(p).body()).as(p).doesNotContain("SECRET-HASH").doesNotContain("password_hash");
            String form = b.get("/admin/m/authors/new").body();
            assertThat(form)
                    .contains("As printed on the cover")
                    .contains("maxlength=\"100\"")
                    .contains("<option value=\"novelist\"");
            assertThat(form).doesNotContain("name=\"v:id\""); // an identity column is the database's
        }
    }
}
