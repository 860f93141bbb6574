package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.SandboxTestClient.enc;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ADA;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.DORA_DISABLED;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.GINA_GUEST;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.MKELLER;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.OBRIEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1.0/users/{id | upn}} and {@code GET /v1.0/users?$filter=…}: resolving recipients and audiences. */
class UsersTest {
    private static Sandbox sandbox;
    private static SandboxTestClient client;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withLimits(LimitsMode.OFF));
        client = new SandboxTestClient(sandbox);
        token = client.token(SandboxTestClient.GRAPH_SCOPE);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Answer get(String pathAndQuery) {
        return client.get(pathAndQuery, token);
    }

    private static String filter(String expression) {
        return "$filter=" + enc(expression);
    }

    @Test
    void getsAUserByObjectIdWithGraphsDefaultProperties() {
        Answer a = get("/v1.0/users/" + ADA);
        assertThat(a.status()).isEqualTo(200);
        JsonNode u = a.json();
        assertThat(u.get("@odata.context").asText()).isEqualTo(sandbox.url() + "/v1.0/$metadata#users/$entity");
        assertThat(u.get("id").asText()).isEqualTo(ADA);
        assertThat(u.get("userPrincipalName").asText()).isEqualTo("ada@contoso.example");
        assertThat(u.get("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(u.get("businessPhones").isArray()).isTrue();
        assertThat(u.has("accountEnabled")).as("not a default property").isFalse();
    }

    @Test
    void getsAUserByUpnCaseInsensitively() {
        Answer a = get("/v1.0/users/" + enc("ADA@Contoso.Example"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("id").asText()).isEqualTo(ADA);
    }

    @Test
    void getsAUserWhoseUpnHasAnApostropheEncodedOrNot() {
        assertThat(get("/v1.0/users/" + enc("o'brien@contoso.example")).json().get("id").asText()).isEqualTo(OBRIEN);
        assertThat(get("/v1.0/users/o'brien@contoso.example").json().get("id").asText()).isEqualTo(OBRIEN);
    }

    @Test
    void selectReturnsExactlyTheNamedProperties() {
        Answer a = get("/v1.0/users/" + ADA + "?$select=id,accountEnabled,USERTYPE");
        assertThat(a.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        a.json().fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("@odata.context", "id", "accountEnabled", "userType");
        assertThat(a.json().get("@odata.context").asText()).endsWith("$metadata#users(id,accountEnabled,userType)/$entity");
    }

    @Test
    void selectOfAnUnknownPropertyIsABadRequest() {
        Answer a = get("/v1.0/users/" + ADA + "?$select=id,shoeSize");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().at("/error/message").asText()).contains("shoeSize");
    }

    @Test
    void anUnknownUserIsTheDirectorysNotFound() {
        Answer a = get("/v1.0/users/nobody@contoso.example");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("Request_ResourceNotFound");
        assertThat(a.json().at("/error/message").asText()).isEqualTo("Resource 'nobody@contoso.example' does not exist"
                + " or one of its queried reference-property objects are not present.");
        assertThat(a.json().at("/error/innerError/request-id").asText()).isEqualTo(a.header("request-id"));
    }

    @Test
    void findsAUserByMailThatDiffersFromTheUpn() {
        Answer a = get("/v1.0/users?" + filter("mail eq 'marie.keller@contoso.example'"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("@odata.context").asText()).isEqualTo(sandbox.url() + "/v1.0/$metadata#users");
        assertThat(a.json().get("value")).hasSize(1);
        assertThat(a.json().at("/value/0/id").asText()).isEqualTo(MKELLER);
        assertThat(a.json().has("@odata.nextLink")).isFalse();
    }

    @Test
    void mailFilterIsCaseInsensitive() {
        Answer a = get("/v1.0/users?" + filter("mail eq 'Marie.Keller@CONTOSO.example'"));
        assertThat(a.json().at("/value/0/id").asText()).isEqualTo(MKELLER);
    }

    @Test
    void findsAUpnWithAnApostropheWrittenAsTwoQuotesInTheFilter() {
        Answer a = get("/v1.0/users?" + filter("userPrincipalName eq 'o''brien@contoso.example'") + "&$select=id,mail");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("value")).hasSize(1);
        assertThat(a.json().at("/value/0/id").asText()).isEqualTo(OBRIEN);
        assertThat(a.json().at("/value/0/mail").asText()).isEqualTo("o'brien@contoso.example");
    }

    @Test
    void aFilterThatMatchesNobodyGivesAnEmptyValue() {
        Answer a = get("/v1.0/users?" + filter("mail eq 'nobody@contoso.example'"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("value")).isEmpty();
    }

    @Test
    void enabledMembersLeaveOutGuestsAndDisabledAccounts() {
        List<JsonNode> all = followAll("/v1.0/users?" + filter("accountEnabled eq true and userType eq 'Member'")
                + "&$select=id,accountEnabled,userType&$top=999");
        Set<String> ids = new HashSet<>();
        all.forEach(u -> {
            ids.add(u.get("id").asText());
            assertThat(u.get("accountEnabled").asBoolean()).isTrue();
            assertThat(u.get("userType").asText()).isEqualTo("Member");
        });
        assertThat(ids).contains(ADA, OBRIEN).doesNotContain(GINA_GUEST, DORA_DISABLED)
                .hasSize(sandbox.tenant().directory().userCount() - 2);
    }

    @Test
    void topPagesThroughTheWholeDirectoryWithAbsoluteNextLinks() {
        int total = sandbox.tenant().directory().userCount();
        int pages = 0;
        Set<String> ids = new HashSet<>();
        String next = "/v1.0/users?$select=id,displayName&$top=10";
        while (next != null) {
            Answer a = get(next);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().get("value").size()).isLessThanOrEqualTo(10);
            a.json().get("value").forEach(u -> assertThat(ids.add(u.get("id").asText())).as("no user twice").isTrue());
            pages++;
            String link = a.json().path("@odata.nextLink").asText(null);
            if (link != null) {
                assertThat(link).startsWith(sandbox.url() + "/v1.0/users?").contains("$top=10").contains("$select=id")
                        .contains("$skiptoken=");
                next = pathOf(link);
            } else {
                next = null;
            }
        }
        assertThat(pages).isGreaterThanOrEqualTo(3).isEqualTo((total + 9) / 10);
        assertThat(ids).hasSize(total);
    }

    @Test
    void aFilterWithoutAnIndexMayGiveShortPagesSoClientsFollowNextLinksToTheEnd() throws Exception {
        try (Sandbox big = Sandbox.start(SandboxOptions.defaults().withLimits(LimitsMode.OFF).withUsers(12_000))) {
            SandboxTestClient c = new SandboxTestClient(big);
            String t = c.token(SandboxTestClient.GRAPH_SCOPE);
            String next = "/v1.0/users?$top=999&" + filter("displayName eq 'Sandbox User 11000'");
            Answer first = c.get(next, t);
            assertThat(first.json().get("value")).as("the first page scanned too few users to find it").isEmpty();
            assertThat(first.json().has("@odata.nextLink")).isTrue();
            List<String> found = new ArrayList<>();
            while (next != null) {
                Answer a = c.get(next, t);
                a.json().get("value").forEach(u -> found.add(u.get("userPrincipalName").asText()));
                String link = a.json().path("@odata.nextLink").asText(null);
                next = link == null ? null : pathOf(link);
            }
            assertThat(found).containsExactly("user11000@contoso.example");
        }
    }

    @Test
    void aPageSizeOver999IsRefused() {
        Answer a = get("/v1.0/users?$top=1000");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("Request_UnsupportedQuery");
    }

    @Test
    void aMalformedFilterIsABadRequest() {
        Answer a = get("/v1.0/users?" + filter("mail eq 'unterminated"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(a.json().at("/error/message").asText()).startsWith("Invalid filter clause");
    }

    @Test
    void withoutUserReadAllTheDirectoryRefuses(@TempDir Path dir) throws Exception {
        Path seed = GraphTestSeeds.changingRoles(dir, List.of("User.Read.All"), List.of());
        try (Sandbox other = Sandbox.start(SandboxOptions.defaults().withSeed(seed))) {
            SandboxTestClient c = new SandboxTestClient(other);
            String t = c.token(SandboxTestClient.GRAPH_SCOPE);
            for (String path : List.of("/v1.0/users/" + ADA, "/v1.0/users?" + filter("mail eq 'ada@contoso.example'"))) {
                Answer a = c.get(path, t);
                assertThat(a.status()).isEqualTo(403);
                assertThat(a.json().at("/error/code").asText()).isEqualTo("Authorization_RequestDenied");
                assertThat(a.json().at("/error/message").asText()).isEqualTo("Insufficient privileges to complete the operation.");
            }
        }
    }

    private static List<JsonNode> followAll(String first) {
        List<JsonNode> out = new ArrayList<>();
        String next = first;
        while (next != null) {
            Answer a = get(next);
            assertThat(a.status()).isEqualTo(200);
            a.json().get("value").forEach(out::add);
            String link = a.json().path("@odata.nextLink").asText(null);
            next = link == null ? null : pathOf(link);
        }
        return out;
    }

    /** The path and query of an absolute next link, for the test client (which adds the sandbox's URL). */
    static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
