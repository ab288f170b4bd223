package dev.tulip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final String H = "ok";

    private final Router<String> router = new Router<>();

    private Router<String> with(String method, String path) {
        router.add(method, path, H);
        return router;
    }

    /** The pattern of the route found, or null. */
    private String match(String method, String path) {
        Router.Found<String> f = router.find(method, path);
        return f == null ? null : f.route().path();
    }

    private Map<String, String> params(String method, String path) {
        Router.Found<String> f = router.find(method, path);
        assertThat(f).as("a route for %s %s", method, path).isNotNull();
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < f.names().length; i++) m.put(f.names()[i], f.values()[i]);
        return m;
    }

    // ---- literals ------------------------------------------------------------------------------

    @Test
    void aLiteralRouteMatchesItsExactPath() {
        with("GET", "/health");

        assertThat(match("GET", "/health")).isEqualTo("/health");
        assertThat(params("GET", "/health")).isEmpty();
    }

    @Test
    void aLiteralRouteDoesNotMatchOtherPaths() {
        with("GET", "/health");

        assertThat(match("GET", "/healthz")).isNull();
        assertThat(match("GET", "/health/x")).isNull();
        assertThat(match("GET", "/")).isNull();
    }

    @Test
    void theRootRouteMatchesOnlySlash() {
        with("GET", "/");

        assertThat(match("GET", "/")).isEqualTo("/");
        assertThat(match("GET", "")).isNull();
        assertThat(match("GET", "/x")).isNull();
    }

    @Test
    void aTrailingSlashIsADifferentPath() {
        with("GET", "/users");

        assertThat(match("GET", "/users/")).isNull();
    }

    @Test
    void aPathNotStartingWithSlashMatchesNothing() {
        with("GET", "/{name}");

        assertThat(match("GET", "users")).isNull();
        assertThat(match("GET", "*")).isNull();
    }

    @Test
    void aRouteMatchesOnlyItsMethod() {
        with("POST", "/users");

        assertThat(match("POST", "/users")).isEqualTo("/users");
        assertThat(match("GET", "/users")).isNull();
        assertThat(match("PUT", "/users")).isNull();
    }

    @Test
    void thePercentEncodedFormOfALiteralSegmentMatchesIt() {
        with("GET", "/users/new");

        assertThat(match("GET", "/users/%6Eew")).isEqualTo("/users/new");
    }

    // ---- priority ------------------------------------------------------------------------------

    @Test
    void aLiteralBeatsAParameterWhateverTheOrderOfRegistration() {
        with("GET", "/users/{id}");
        with("GET", "/users/me");

        assertThat(match("GET", "/users/me")).isEqualTo("/users/me");
        assertThat(match("GET", "/users/42")).isEqualTo("/users/{id}");
    }

    @Test
    void aTypedParameterBeatsAStringParameter() {
        with("GET", "/items/{name}");
        with("GET", "/items/{id:int}");

        assertThat(match("GET", "/items/42")).isEqualTo("/items/{id:int}");
        assertThat(match("GET", "/items/abc")).isEqualTo("/items/{name}");
    }

    @Test
    void aTypedParameterBeatsARegexParameter() {
        with("GET", "/x/{code:[0-9a-f]+}");
        with("GET", "/x/{n:int}");

        assertThat(match("GET", "/x/12")).isEqualTo("/x/{n:int}");
        assertThat(match("GET", "/x/ff")).isEqualTo("/x/{code:[0-9a-f]+}");
    }

    @Test
    void aRegexParameterBeatsAStringParameter() {
        with("GET", "/tags/{any}");
        with("GET", "/tags/{slug:[a-z]+}");

        assertThat(match("GET", "/tags/abc")).isEqualTo("/tags/{slug:[a-z]+}");
        assertThat(match("GET", "/tags/ABC")).isEqualTo("/tags/{any}");
    }

    @Test
    void aPathParameterHasTheLowestPriority() {
        with("GET", "/f/{rest:path}");
        with("GET", "/f/{name}");

        assertThat(match("GET", "/f/a")).isEqualTo("/f/{name}");
        assertThat(match("GET", "/f/a/b")).isEqualTo("/f/{rest:path}");
    }

    // ---- typed parameters ----------------------------------------------------------------------

    @Test
    void anIntParameterCapturesItsDigits() {
        with("GET", "/users/{id:int}");

        assertThat(params("GET", "/users/42")).containsExactly(Map.entry("id", "42"));
    }

    @Test
    void anIntParameterMatchesNegativeNumbers() {
        with("GET", "/n/{n:int}");

        assertThat(params("GET", "/n/-5")).containsExactly(Map.entry("n", "-5"));
    }

    @Test
    void anIntParameterDoesNotMatchText() {
        with("GET", "/users/{id:int}");

        assertThat(match("GET", "/users/abc")).isNull();
    }

    @Test
    void anIntParameterDoesNotMatchAnOverflowingNumber() {
        with("GET", "/users/{id:int}");

        assertThat(match("GET", "/users/2147483647")).isNotNull();
        assertThat(match("GET", "/users/2147483648")).isNull();
    }

    @Test
    void aLongParameterMatchesBeyondTheIntRangeButNotBeyondLong() {
        with("GET", "/n/{n:long}");

        assertThat(params("GET", "/n/2147483648")).containsExactly(Map.entry("n", "2147483648"));
        assertThat(match("GET", "/n/9223372036854775808")).isNull();
        assertThat(match("GET", "/n/1x")).isNull();
    }

    @Test
    void aUuidParameterMatchesOnlyUuids() {
        with("GET", "/o/{id:uuid}");

        assertThat(params("GET", "/o/123e4567-e89b-12d3-a456-426614174000"))
                .containsExactly(Map.entry("id", "123e4567-e89b-12d3-a456-426614174000"));
        assertThat(match("GET", "/o/123")).isNull();
    }

    @Test
    void aRegexParameterMatchesOnlyWhatTheRegexMatches() {
        with("GET", "/posts/{slug:[a-z-]+}");

        assertThat(params("GET", "/posts/hello-world")).containsExactly(Map.entry("slug", "hello-world"));
        assertThat(match("GET", "/posts/Hello")).isNull();
    }

    @Test
    void aPathParameterCapturesTheRestOfThePathDecoded() {
        with("GET", "/static/{rest:path}");

        assertThat(params("GET", "/static/css/site%20v2.css")).containsExactly(Map.entry("rest", "css/site v2.css"));
    }

    @Test
    void aStringParameterDoesNotMatchAnEmptySegment() {
        with("GET", "/users/{id}");

        assertThat(match("GET", "/users/")).isNull();
    }

    @Test
    void aStringParameterDoesNotSpanSegments() {
        with("GET", "/users/{id}");

        assertThat(match("GET", "/users/1/2")).isNull();
    }

    @Test
    void severalParametersAreCapturedInOrder() {
        with("GET", "/orgs/{org}/repos/{repo}/issues/{n:int}");

        assertThat(params("GET", "/orgs/acme/repos/tulip/issues/7"))
                .containsExactly(Map.entry("org", "acme"), Map.entry("repo", "tulip"), Map.entry("n", "7"));
    }

    @Test
    void moreThanEightParametersAreAllCaptured() {
        with("GET", "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}/{j}");

        assertThat(params("GET", "/1/2/3/4/5/6/7/8/9/10").values())
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    // ---- decoding ------------------------------------------------------------------------------

    @Test
    void parameterValuesArePercentDecoded() {
        with("GET", "/files/{name}");

        assertThat(params("GET", "/files/caf%C3%A9%20menu")).containsExactly(Map.entry("name", "café menu"));
    }

    @Test
    void aPlusInAPathStaysAPlus() {
        with("GET", "/files/{name}");

        assertThat(params("GET", "/files/a+b")).containsExactly(Map.entry("name", "a+b"));
    }

    @Test
    void anEncodedSlashStaysInsideItsSegment() {
        with("GET", "/files/{name}");

        assertThat(params("GET", "/files/a%2Fb")).containsExactly(Map.entry("name", "a/b"));
    }

    @Test
    void typedParametersAreCheckedAfterDecoding() {
        with("GET", "/n/{n:int}");

        assertThat(params("GET", "/n/%34%32")).containsExactly(Map.entry("n", "42"));
    }

    @Test
    void brokenPercentEncodingIsAnIllegalArgument() {
        with("GET", "/files/{name}");

        assertThatThrownBy(() -> router.find("GET", "/files/%zz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad percent-escape");
        assertThatThrownBy(() -> router.find("GET", "/files/%C3")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- backtracking ----------------------------------------------------------------------------

    @Test
    void aLiteralWithoutTheMethodGivesWayToAParameterWithIt() {
        with("POST", "/users/new");
        with("GET", "/users/{id}");

        assertThat(match("GET", "/users/new")).isEqualTo("/users/{id}");
        assertThat(params("GET", "/users/new")).containsExactly(Map.entry("id", "new"));
        assertThat(match("POST", "/users/new")).isEqualTo("/users/new");
    }

    @Test
    void aLiteralBranchThatLeadsNowhereGivesWayToAParameter() {
        with("GET", "/a/b/c");
        with("GET", "/a/{x}/d");

        assertThat(params("GET", "/a/b/d")).containsExactly(Map.entry("x", "b"));
    }

    @Test
    void aTypedParameterThatLeadsNowhereGivesWayToAStringParameter() {
        with("GET", "/a/{n:int}/c");
        with("GET", "/a/{x}/b");

        assertThat(params("GET", "/a/1/b")).containsExactly(Map.entry("x", "1"));
        assertThat(params("GET", "/a/1/c")).containsExactly(Map.entry("n", "1"));
    }

    @Test
    void valuesOfAnAbandonedBranchDoNotLeakIntoTheMatch() {
        with("GET", "/a/{n:int}/{m:int}/c");
        with("GET", "/a/{x}/{y}/d");

        assertThat(params("GET", "/a/1/2/d")).containsExactly(Map.entry("x", "1"), Map.entry("y", "2"));
    }

    // ---- HEAD ----------------------------------------------------------------------------------

    @Test
    void headFallsBackToGet() {
        with("GET", "/page");

        Router.Found<String> f = router.find("HEAD", "/page");
        assertThat(f).isNotNull();
        assertThat(f.route().method()).isEqualTo("GET");
    }

    @Test
    void headFallsBackToGetOnParameterRoutes() {
        with("GET", "/page/{id}");

        assertThat(router.find("HEAD", "/page/1").route().method()).isEqualTo("GET");
    }

    @Test
    void anExplicitHeadRouteWinsOverGet() {
        with("GET", "/page");
        with("HEAD", "/page");

        assertThat(router.find("HEAD", "/page").route().method()).isEqualTo("HEAD");
    }

    @Test
    void otherMethodsDoNotFallBackToGet() {
        with("GET", "/page");

        assertThat(router.find("POST", "/page")).isNull();
        assertThat(router.find("OPTIONS", "/page")).isNull();
    }

    // ---- allowed ---------------------------------------------------------------------------------

    @Test
    void allowedListsTheMethodsOfAPathWithHeadAndOptions() {
        with("GET", "/users");
        with("POST", "/users");

        assertThat(router.allowed("/users")).containsExactly("GET", "HEAD", "OPTIONS", "POST");
    }

    @Test
    void allowedHasNoHeadWithoutGet() {
        with("DELETE", "/users/{id}");

        assertThat(router.allowed("/users/1")).containsExactly("DELETE", "OPTIONS");
    }

    @Test
    void allowedCombinesMethodsOfDifferentRoutesMatchingThePath() {
        with("POST", "/users/new");
        with("GET", "/users/{id}");

        assertThat(router.allowed("/users/new")).containsExactly("GET", "HEAD", "OPTIONS", "POST");
        assertThat(router.allowed("/users/7")).containsExactly("GET", "HEAD", "OPTIONS");
    }

    @Test
    void allowedIsEmptyForAPathNoRouteMatches() {
        with("GET", "/users");

        assertThat(router.allowed("/nothing")).isEmpty();
    }

    // ---- registration ----------------------------------------------------------------------------

    @Test
    void routesAreListedInRegistrationOrder() {
        with("GET", "/b");
        with("POST", "/a");
        with("GET", "/a/{id}");

        assertThat(router.routes())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /b", "POST /a", "GET /a/{id}");
    }

    @Test
    void theFoundRouteCarriesItsValue() {
        String mine = new String("mine");
        router.add("GET", "/mine", mine);

        assertThat(router.find("GET", "/mine").route().value()).isSameAs(mine);
    }

    @Test
    void aRouteKnowsWhetherItIsAllLiteral() {
        router.add("GET", "/a/b", H);
        router.add("GET", "/a/{id}", H);

        assertThat(router.find("GET", "/a/b").route().literal()).isTrue();
        assertThat(router.find("GET", "/a/7").route().literal()).isFalse();
    }

    @Test
    void mapBuildsARouterOfTheSameRoutesWithNewValuesAndLeavesTheOriginal() {
        router.add("GET", "/x", H);
        router.add("POST", "/items/{id:int}", H);

        Router<Integer> mapped = router.map(r -> r.path().length());

        assertThat(mapped.find("GET", "/x").route().value()).isEqualTo(2);
        assertThat(mapped.find("POST", "/items/7").values()).containsExactly("7");
        assertThat(mapped.allowed("/items/7")).containsExactly("OPTIONS", "POST");
        assertThat(router.find("GET", "/x").route().value()).isEqualTo("ok");
    }

    @Test
    void registeringTheSameMethodAndPathTwiceIsAnError() {
        with("GET", "/users");

        assertThatThrownBy(() -> with("GET", "/users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route GET /users is already registered");
    }

    @Test
    void registeringTheSamePatternWithTheSameParameterTwiceIsAnError() {
        with("GET", "/users/{id:int}");

        assertThatThrownBy(() -> with("GET", "/users/{id:int}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route GET /users/{id:int} is already registered");
    }

    @Test
    void theSamePathWithAnotherMethodIsNotADuplicate() {
        with("GET", "/users");
        with("POST", "/users");

        assertThat(router.routes()).hasSize(2);
    }

    @Test
    void differentParameterNamesAtTheSamePlaceAreAnError() {
        with("GET", "/users/{id}");

        assertThatThrownBy(() -> with("GET", "/users/{userId}/posts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "route /users/{userId}/posts: parameter {userId} is at the same place as {id} in another route; use the same name");
    }

    @Test
    void differentParameterTypesAtTheSamePlaceMayHaveDifferentNames() {
        with("GET", "/users/{id:int}");
        with("GET", "/users/{name}");

        assertThat(router.routes()).hasSize(2);
    }

    @Test
    void aBadPatternIsRejectedOnRegistration() {
        assertThatThrownBy(() -> with("GET", "users"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with '/'");
        assertThat(router.routes()).isEmpty();
    }
}
