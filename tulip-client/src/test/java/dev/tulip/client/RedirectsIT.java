package dev.tulip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.test.TestServer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The redirect policy: which redirects are followed, with which method, body and headers. */
class RedirectsIT {
    private static final java.util.List<String> METHODS = java.util.List.of("GET", "POST", "PUT", "DELETE");
    private static TestServer server;
    private static TestServer other;
    private static String url;
    private static String otherUrl;

    @BeforeAll
    static void start() {
        other = TestServer.start(echo(Tulip.create(cfg -> cfg.port(0))));
        otherUrl = other.client().baseUrl();
        Tulip app = echo(Tulip.create(cfg -> cfg.port(0)));
        for (String m : METHODS)
            app.route(m, "/to/{status:int}", req -> Response.redirect(req.pathInt("status"), "/echo"));
        app.get("/away", req -> Response.redirect(302, otherUrl + "/echo"));
        app.get("/loop/{n:int}", req -> Response.redirect(302, "/loop/" + (req.pathInt("n") + 1)));
        server = TestServer.start(app);
        url = server.client().baseUrl();
    }

    /** {@code /echo} answers the method, the body and the Authorization header it got. */
    private static Tulip echo(Tulip app) {
        for (String m : METHODS)
            app.route(
                    m,
                    "/echo",
                    req -> req.method() + " " + req.text() + " auth="
                            + req.header("Authorization").orElse("-"));
        return app;
    }

    @AfterAll
    static void stop() {
        server.close();
        other.close();
    }

    static Stream<Arguments> redirects() {
        return Stream.of(
                Arguments.of(301, "GET", "GET body auth=t"), // a GET stays as it was
                Arguments.of(301, "POST", "GET  auth=t"),
                Arguments.of(302, "POST", "GET  auth=t"),
                Arguments.of(302, "HEAD", ""),
                Arguments.of(303, "POST", "GET  auth=t"),
                Arguments.of(303, "PUT", "GET  auth=t"),
                Arguments.of(307, "POST", "POST body auth=t"),
                Arguments.of(307, "PUT", "PUT body auth=t"),
                Arguments.of(308, "POST", "POST body auth=t"),
                Arguments.of(308, "DELETE", "DELETE body auth=t"));
    }

    @ParameterizedTest(name = "{0} to a {1} is followed as: {2}")
    @MethodSource("redirects")
    void aRedirectIsFollowedWithTheMethodAndBodyItCallsFor(int status, String method, String expected) {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            Call call = http.request(method, "/to/" + status).header("Authorization", "t");
            if (!method.equals("HEAD")) call.body("body");
            ClientResponse r = call.send();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(expected);
            assertThat(r.url()).isEqualTo(url + "/echo");
        }
    }

    @Test
    void withNoRedirectsTheRedirectIsTheResponse() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).redirects(Redirects.none()))) {
            ClientResponse r = http.get("/to/302").send();
            assertThat(r.status()).isEqualTo(302);
            assertThat(r.header("location")).contains("/echo");
        }
    }

    @Test
    void aCrossOriginRedirectDropsTheAuthorizationHeader() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            ClientResponse r =
                    http.get("/away").header("Authorization", "secret").send();
            assertThat(r.text()).isEqualTo("GET  auth=-");
            assertThat(r.url()).isEqualTo(otherUrl + "/echo");
        }
    }

    @Test
    void theSameOriginPolicyReturnsACrossOriginRedirect() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).redirects(Redirects.sameOrigin(5)))) {
            assertThat(http.get("/away").send().status()).isEqualTo(302);
            assertThat(http.get("/to/301").send().text()).startsWith("GET");
        }
    }

    @Test
    void moreRedirectsThanTheMaximumFail() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).redirects(Redirects.follow(3)))) {
            assertThatThrownBy(() -> http.get("/loop/0").send())
                    .isInstanceOf(TooManyRedirectsException.class)
                    .hasMessageContaining("more than 3 redirects")
                    .hasMessageContaining("GET " + url + "/loop/3");
        }
    }

    @Test
    void aStreamedBodyIsNotSentTwiceSoA307IsReturned() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            ClientResponse r = http.post("/to/307")
                    .body(new java.io.ByteArrayInputStream("once".getBytes()), "text/plain")
                    .send();
            assertThat(r.status()).isEqualTo(307);
        }
    }
}
