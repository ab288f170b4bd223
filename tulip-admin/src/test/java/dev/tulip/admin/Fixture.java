package dev.tulip.admin;

import dev.tulip.Tulip;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Relation;
import dev.tulip.admin.spi.Rules;
import dev.tulip.test.TestServer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** An admin over two models in memory (authors, books), with three users, served on a real socket. */
final class Fixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery";
    final MemoryBackend backend = new MemoryBackend();
    final MemoryStore store = new MemoryStore();
    final Admin admin;
    final TestServer server;

    Fixture() {
        this(cfg -> {});
    }

    Fixture(java.util.function.Consumer<AdminConfig.Builder> more) {
        Relation wrote = new Relation("books_author_fkey", "books", List.of("author_id"), "authors", List.of("id"));
        Field id = new Field(
                "id",
                FieldType.INTEGER,
                Optional.empty(),
                false,
                true,
                true,
                List.of(),
                Rules.NONE,
                true,
                Optional.empty());
        Model authors = new Model(
                "authors",
                List.of(
                        id,
                        new Field(
                                "name",
                                FieldType.TEXT,
                                Optional.empty(),
                                false,
                                false,
                                false,
                                List.of(),
                                new Rules(
                                        Optional.empty(),
                                        Optional.empty(),
                                        OptionalInt.of(1),
                                        OptionalInt.of(100),
                                        Optional.empty(),
                                        Optional.of("authors_name_check")),
                                false,
                                Optional.of("As printed on the cover")),
                        new Field(
                                "email",
                                FieldType.TEXT,
                                Optional.empty(),
                                true,
                                false,
                                false,
                                List.of(),
                                Rules.NONE,
                                true,
                                Optional.empty()),
                        new Field(
                                "active",
                                FieldType.BOOLEAN,
                                Optional.empty(),
                                false,
                                true,
                                false,
                                List.of(),
                                Rules.NONE,
                                false,
                                Optional.empty()),
                        new Field(
                                "kind",
                                FieldType.ENUM,
                                Optional.empty(),
                                true,
                                false,
                                false,
                                List.of("poet", "novelist"),
                                Rules.NONE,
                                false,
                                Optional.empty()),
                        new Field(
                                "born",
                                FieldType.DATE,
                                Optional.empty(),
                                true,
                                false,
                                false,
                                List.of(),
                                Rules.NONE,
                                false,
                                Optional.empty()),
                        Field.of("address", FieldType.JSON),
                        Field.of("password_hash", FieldType.TEXT)),
                List.of("id"),
                List.of(List.of("email")),
                List.of(),
                List.of(wrote),
                Optional.empty());
        Model books = new Model(
                "books",
                List.of(
                        id,
                        new Field(
                                "title",
                                FieldType.TEXT,
                                Optional.empty(),
                                false,
                                false,
                                false,
                                List.of(),
                                Rules.NONE,
                                false,
                                Optional.empty()),
                        Field.of("author_id", FieldType.INTEGER)),
                List.of("id"),
                List.of(),
                List.of(wrote),
                List.of(),
                Optional.empty());
        backend.add(
                        authors,
                        List.of(
                                row(
                                        "id",
                                        1L,
                                        "name",
                                        "Ada",
                                        "email",
                                        "ada@example.com",
                                        "active",
                                        true,
                                        "kind",
                                        "poet",
                                        "born",
                                        LocalDate.of(1815, 12, 10),
                                        "password_hash",
                                        "SECRET-HASH"),
                                row(
                                        "id",
                                        2L,
                                        "name",
                                        "Linus",
                                        "email",
                                        "linus@example.com",
                                        "active",
                                        false,
                                        "kind",
                                        "novelist",
                                        "born",
                                        null,
                                        "password_hash",
                                        "SECRET-HASH")))
                .add(
                        books,
                        List.of(
                                row("id", 10L, "title", "Notes", "author_id", 1L),
                                row("id", 11L, "title", "Kernel", "author_id", 2L)));
        admin = Admin.create(cfg -> {
            cfg.backend("memory", backend).store(store);
            more.accept(cfg);
        });
        Tulip app = Tulip.create(c -> c.port(0));
        app.install(admin);
        server = TestServer.start(app);
        admin.saveUser("root", PASSWORD, true, Set.of());
        admin.saveUser("viewer", PASSWORD, false, Set.of("*:view"));
        admin.saveUser("bookie", PASSWORD, false, Set.of("books:view", "books:add", "books:change", "books:delete"));
    }

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    Browser browser() {
        return new Browser("http://127.0.0.1:" + server.port());
    }

    Browser loggedIn(String user) {
        Browser b = browser();
        b.login(user, PASSWORD);
        return b;
    }

    @Override
    public void close() {
        server.close();
    }
}
