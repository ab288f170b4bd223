package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request targets that try to leave {@link StaticFiles}' root, sent as raw bytes over real
 * sockets: each is refused (400) or not found (404), never a 500, and never shows the secret that
 * sits beside the root, the hidden files inside it, or the jar's other folders.
 */
class StaticFilesHostilePathsIT {
    @TempDir
    static Path dir;

    static StaticFilesFixture files;

    @BeforeAll
    static void start() throws Exception {
        files = new StaticFilesFixture(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        files.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/static/../secret.txt",
                "/static/docs/../../secret.txt",
                "/static/%2e%2e/secret.txt",
                "/static/%2E%2E/secret.txt",
                "/static/.%2e/secret.txt",
                "/static/..%2fsecret.txt",
                "/static/%2e%2e%2fsecret.txt",
                "/static/docs%2f..%2f..%2fsecret.txt",
                "/static/%252e%252e/secret.txt",
                "/static/%252e%252e%252fsecret.txt",
                "/static/..%5csecret.txt",
                "/static/..%5c..%5csecret.txt",
                "/static/%5c..%5csecret.txt",
                "/static/hello.txt%00.png",
                "/static/%00",
                "/static/..%00/secret.txt",
                "/static/%0d%0aSet-Cookie:%20x=1",
                "/static//etc/passwd",
                "/static/%2fetc%2fpasswd",
                "/static/%2f%2fetc/passwd",
                "/static/C:/Windows/win.ini",
                "/static/c:%5cwindows%5cwin.ini",
                "/static/C%3a/secret.txt",
                "/static/hello.txt::$DATA",
                "/static/out-link.txt",
                "/static/out-dir/secret.txt",
                "/static/.env",
                "/static/%2eenv",
                "/static/.git/config",
                "/static/docs/.%2e/.env",
                "/static/./hello.txt",
                "/static/%c0%ae%c0%ae/secret.txt",
                "/static/%e0%80%ae%e0%80%ae/secret.txt",
                "/static/..;/secret.txt",
                "/static/%ff%fe",
                "/static/%zz",
                "/static/%",
                "/jar/../secret/keys.txt",
                "/jar/%2e%2e/secret/keys.txt",
                "/jar/..%2fsecret%2fkeys.txt",
                "/jar/%2fsecret/keys.txt",
                "/jar/sub/..%2f..%2fsecret/keys.txt",
                "/copy/%2e%2e/secret.txt",
                "/dots/%2e%2e/secret.txt",
                "/dots/out-link.txt"
            })
    void aHostilePathIsRefusedOrNotFound(String target) throws Exception {
        RawHttp.Response r = files.get(target);
        assertThat(r.status()).as("%s answered %s", target, r).isIn(400, 404);
        assertThat(r.text()).doesNotContain(StaticFilesFixture.SECRET);
    }

    @Test
    void aBackslashSentRawIsRefused() throws Exception {
        RawHttp.Response r = files.get("/static/..\\secret.txt");
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void aDoubleEncodedNameIsDecodedOnceAndNamesAHarmlessFile() throws Exception {
        // %252e%252e is the name "%2e%2e": a file of that name inside the root, not a parent
        RawHttp.Response r = files.get("/static/%252e%252e");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("a file named %2e%2e");
    }

    @Test
    void aVeryLongPathIsNotFound() throws Exception {
        RawHttp.Response r = files.get("/static/" + "a/".repeat(1500) + "x");
        assertThat(r.status()).isIn(404, 414);
    }
}
