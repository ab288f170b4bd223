package dev.tulip.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.Chromium;
import java.nio.file.Path;

/**
 * The admin's flows as a person does them in a real Chromium, over any backend holding the
 * authors/books shape (authors: name, email unique, active, born; books: title, author_id
 * referencing authors), with JavaScript on or off; a screenshot after each step.
 */
final class BrowserFlows {
    private final Chromium b;
    private final String base;
    private final String label;
    private final Path shots;
    private final boolean dateTimes;
    private int step;

    /** {@code dateTimes}: the born field holds instants (a MongoDB date) rather than dates. */
    BrowserFlows(Chromium browser, String base, String label, boolean dateTimes) {
        this.b = browser;
        this.base = base;
        this.label = label;
        this.dateTimes = dateTimes;
        this.shots = Path.of("target", "screenshots", label);
    }

    /** A date as the born field's input takes it. */
    private String date(String iso) {
        return dateTimes ? iso + "T00:00" : iso;
    }

    private void shot(String what) throws Exception {
        b.screenshot(shots.resolve(String.format("%02d-%s.png", ++step, what)));
    }

    /**
     * Every flow in turn, logged in as {@code user}. {@code nameRequired}: the database requires a
     * name (a NOT NULL column); {@code hasEnum}: the kind field is an enum.
     */
    void all(String user, String password, boolean nameRequired, boolean hasEnum) throws Exception {
        login(user, password);
        listSortAndSearch();
        filters(hasEnum);
        invalidCreateShowsInlineErrors(nameRequired);
        constraintErrorLandsOnItsField();
        createEditAndDelete();
        deleteListsDependents();
        bulkAction();
        logout();
    }

    void login(String user, String password) throws Exception {
        b.clearCookies();
        b.go(base + "/admin/m/authors");
        assertThat(b.url()).contains("/admin/login?next=");
        shot("login");
        b.fill("#username", user);
        b.fill("#password", "wrong password");
        b.clickAndWait("form button[type=submit]");
        assertThat(b.text("#login-error")).contains("Wrong username or password");
        b.fill("#password", password);
        b.clickAndWait("form button[type=submit]");
        assertThat(b.url()).endsWith("/admin/m/authors");
        shot("list");
    }

    void listSortAndSearch() throws Exception {
        assertThat(b.count("tbody tr")).isGreaterThanOrEqualTo(2);
        b.clickAndWait("th a[href*='sort=name']");
        assertThat(b.eval("document.querySelector('th[aria-sort]').innerText").asString())
                .contains("Name");
        String first = b.text("tbody tr:first-child th");
        b.clickAndWait("th a[href*='sort=-name']");
        assertThat(b.text("tbody tr:first-child th")).isNotEqualTo(first);
        shot("sorted");
        b.go(base + "/admin/m/authors");
        b.fill("#q", "lin");
        b.click("form[role=search] button"); // with scripts, htmx swaps the list in place
        b.await(
                "(t => t !== null && t.innerText.includes('Linus') && !t.innerText.includes('Ada'))(document.querySelector('tbody'))",
                v -> v.asBoolean(),
                java.time.Duration.ofSeconds(10));
        assertThat(b.text("tbody")).contains("Linus").doesNotContain("Ada");
        assertThat(b.url()).contains("q=lin");
        shot("searched");
    }

    void filters(boolean hasEnum) throws Exception {
        b.go(base + "/admin/m/authors");
        b.fill("select[name='f.active']", "true");
        b.clickAndWait("#filters button[type=submit]");
        assertThat(b.text("tbody")).contains("Ada").doesNotContain("Linus");
        assertThat(b.text(".chips")).contains("Active: Yes");
        shot("filter-boolean");
        b.clickAndWait(".chips a");
        assertThat(b.text("tbody")).contains("Linus");
        b.fill("input[name='f.born:gte']", date("1800-01-01"));
        b.fill("input[name='f.born:lte']", date("1900-01-01"));
        b.clickAndWait("#filters button[type=submit]");
        assertThat(b.text("tbody")).contains("Ada").doesNotContain("Linus");
        shot("filter-range");
        b.go(base + "/admin/m/authors");
        b.fill("select[name='f.born:null']", "1");
        b.clickAndWait("#filters button[type=submit]");
        assertThat(b.text("tbody")).contains("Linus").doesNotContain("Ada");
        if (hasEnum) {
            b.go(base + "/admin/m/authors");
            b.fill("select[name='f.kind']", "novelist");
            b.clickAndWait("#filters button[type=submit]");
            assertThat(b.text("tbody")).contains("Linus").doesNotContain("Ada");
        }
        b.go(base + "/admin/m/books");
        String adaId = b.eval("document.querySelector('tbody a[href*=\"/admin/m/authors/r/\"]').href.split('/r/')[1]")
                .asString();
        b.fill("input[name='f.author_id']", adaId);
        b.clickAndWait("#filters button[type=submit]");
        assertThat(b.count("tbody tr")).isEqualTo(1);
        shot("filter-reference");
    }

    /** {@code nameRequired}: the database says a name is required (a NOT NULL column; not a schemaless collection). */
    void invalidCreateShowsInlineErrors(boolean nameRequired) throws Exception {
        b.go(base + "/admin/m/authors/new");
        shot("create-form");
        b.fill("#in-name", "");
        b.fill("#in-address", "{\"city\": London}");
        if (nameRequired) b.eval("document.querySelector('form[method=post] #in-name').removeAttribute('required')");
        b.clickAndWait("#save");
        assertThat(b.text("#form-error")).contains("correct the errors");
        assertThat(b.text("#field-in-address")).contains("must be valid JSON");
        if (nameRequired) assertThat(b.text("#field-in-name")).contains("is required");
        assertThat(b.eval("document.querySelector('#in-address').value").asString())
                .isEqualTo("{\"city\": London}");
        shot("create-invalid");
    }

    void constraintErrorLandsOnItsField() throws Exception {
        b.go(base + "/admin/m/authors/new");
        b.fill("#in-name", "Ada Again");
        b.fill("#in-email", "ada@example.com");
        b.clickAndWait("#save");
        assertThat(b.text("#field-in-email")).contains("unique");
        shot("create-duplicate");
    }

    void createEditAndDelete() throws Exception {
        b.go(base + "/admin/m/authors/new");
        b.fill("#in-name", "Grace <b>Hopper</b>");
        b.fill("#in-email", "grace@example.com");
        b.fill("#in-born", date("1906-12-09"));
        b.fill("#in-active", "true");
        b.clickAndWait("#save-continue");
        assertThat(b.url()).contains("/edit");
        assertThat(b.eval("document.querySelector('#in-name').value").asString())
                .isEqualTo("Grace <b>Hopper</b>");
        assertThat(b.text(".message")).contains("Added.");
        b.fill("#in-name", "Grace Hopper");
        b.clickAndWait("#save");
        assertThat(b.url()).endsWith("/admin/m/authors");
        assertThat(b.text("tbody")).contains("Grace Hopper");
        shot("edited");
        b.go(base + "/admin/m/authors?q=grace");
        b.clickAndWait("tbody tr:first-child th a");
        b.clickAndWait("#delete");
        assertThat(b.text("h1")).contains("Delete 1");
        b.clickAndWait("#confirm-delete");
        assertThat(b.text(".message")).contains("Deleted 1 record.");
        assertThat(b.text("tbody")).doesNotContain("Grace Hopper");
    }

    void deleteListsDependents() throws Exception {
        b.go(base + "/admin/m/authors?q=ada");
        b.clickAndWait("tbody tr:first-child th a");
        assertThat(b.text("#related")).contains("Books");
        b.clickAndWait("#delete");
        assertThat(b.text("#dependents")).contains("Books").contains("1");
        shot("delete-dependents");
    }

    void bulkAction() throws Exception {
        b.go(base + "/admin/m/books");
        int before = b.count("tbody tr");
        b.fill("tbody tr:last-child input[name=ids]", "true");
        b.fill("#action", "delete");
        b.clickAndWait("#bulk .bulk button");
        assertThat(b.text("h1")).contains("Delete 1");
        shot("bulk-confirm");
        b.clickAndWait("#confirm-delete");
        assertThat(b.count("tbody tr")).isEqualTo(before - 1);
    }

    void logout() throws Exception {
        b.go(base + "/admin");
        b.clickAndWait("form[action$='/logout'] button");
        assertThat(b.url()).contains("/admin/login");
        b.go(base + "/admin/m/authors");
        assertThat(b.url()).contains("/admin/login");
        shot("logged-out");
    }
}
