package dev.tulip.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tulip.Tulip;
import dev.tulip.admin.internal.mongo.MongoAdminStore;
import dev.tulip.admin.internal.mongo.MongoBackend;
import dev.tulip.admin.spi.Relation;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.embedded.EmbeddedMongo;
import dev.tulip.test.TestServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin over MongoDB collections on the embedded server: the browser flows, and the commands of a list page. */
class MongoAdminIT extends ChromiumTest {
    /** An app with the authors/books shape in MongoDB and the admin over it. */
    static final class Site implements AutoCloseable {
        final List<String> commands = new CopyOnWriteArrayList<>();
        final TestServer server;
        final Admin admin;
        final Mongo mongo;

        Site(boolean counting) {
            Tulip app = Tulip.create(c -> c.port(0));
            EmbeddedMongo db = EmbeddedMongo.inMemory();
            app.install(db);
            Mongo mongo = Mongo.create(cfg -> cfg.uri(() -> db.uri() + "/admin_it"));
            this.mongo = mongo;
            app.install(mongo);
            app.install(setup -> setup.resource("seed", ctx -> seed(mongo), x -> {}));
            Relation wrote =
                    new Relation("books_author_id_ref", "books", List.of("author_id"), "authors", List.of("_id"));
            admin = Admin.create(cfg -> {
                if (counting)
                    cfg.backend("mongo", new MongoBackend(mongo, List.of(wrote), commands::add))
                            .store(new MongoAdminStore(mongo));
                else cfg.mongo(mongo).mongoReference("books", "author_id", "authors");
            });
            app.install(admin);
            server = TestServer.start(app);
            admin.saveUser("root", Fixture.PASSWORD, true, Set.of());
        }

        private static Mongo seed(Mongo mongo) {
            Collection<Document> authors = mongo.database().collection("authors", Document.class);
            Collection<Document> books = mongo.database().collection("books", Document.class);
            authors.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            ObjectId ada = new ObjectId(), linus = new ObjectId();
            authors.insertMany(List.of(
                    new Document("_id", ada)
                            .append("name", "Ada")
                            .append("email", "ada@example.com")
                            .append("active", true)
                            .append("address", new Document("city", "London"))
                            .append(
                                    "born",
                                    Date.from(LocalDate.of(1815, 12, 10)
                                            .atStartOfDay()
                                            .toInstant(ZoneOffset.UTC))),
                    new Document("_id", linus)
                            .append("name", "Linus")
                            .append("email", "linus@example.com")
                            .append("active", false)
                            .append("address", new Document("city", "Helsinki"))
                            .append("born", null)));
            books.insertMany(List.of(
                    new Document("_id", new ObjectId()).append("title", "Notes").append("author_id", ada),
                    new Document("_id", new ObjectId())
                            .append("title", "Kernel")
                            .append("author_id", linus)));
            return mongo;
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
    void everyFlowWorksOnACollection(boolean scripts) throws Exception {
        try (Site site = new Site(false)) {
            browser.scripts(scripts);
            BrowserFlows flows = new BrowserFlows(browser, site.base(), "mongo-" + (scripts ? "js" : "nojs"), true);
            flows.all("root", Fixture.PASSWORD, false, false);
        }
    }

    @Test
    void aListPageSendsOneFindForThePageAndOneForEachReferencedCollection() {
        try (Site site = new Site(true)) {
            Browser b = new Browser(site.base());
            b.login("root", Fixture.PASSWORD);
            site.commands.clear();
            String page = b.get("/admin/m/books").body();
            assertThat(page).contains("Notes").contains(">Ada</a>").contains(">Linus</a>");
            // the page, its count (estimated, then exact as the collection is small), the referenced authors
            assertThat(site.commands).containsExactly("find books", "count books", "aggregate books", "find authors");
        }
    }

    @Test
    void aCollectionMadeAfterTheStartIsFoundWhenItsPageIsAskedFor() throws Exception {
        try (Site site = new Site(false)) {
            Browser b = new Browser(site.base());
            b.login("root", Fixture.PASSWORD);
            assertThat(b.get("/admin").body()).doesNotContain("/admin/m/late");
            site.mongo.database().collection("late", Document.class).insertOne(new Document("note", "arrived late"));
            // the admin reads the models again for an unknown name, at most every 2 s: ask until it has
            var page = b.get("/admin/m/late");
            for (long end = System.nanoTime() + 10_000_000_000L;
                    page.statusCode() == 404 && System.nanoTime() < end; ) {
                Thread.sleep(50);
                page = b.get("/admin/m/late");
            }
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("arrived late");
        }
    }
}
