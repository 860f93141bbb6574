package dev.teamsproactive.sandbox.graph;

import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ADA;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.ENGINEERING_GROUP;
import static dev.teamsproactive.sandbox.graph.GraphTestSeeds.OPERATIONS_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.SandboxTestClient.Answer;
import dev.teamsproactive.sandbox.limits.LimitsMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group as an audience: direct members, transitive members, and users only. */
class GroupsTest {
    private static final String ENGINEERING = "/v1.0/groups/" + ENGINEERING_GROUP;
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

    private static List<JsonNode> all(String first) {
        List<JsonNode> out = new ArrayList<>();
        String next = first;
        while (next != null) {
            Answer a = client.get(next, token);
            assertThat(a.status()).isEqualTo(200);
            a.json().get("value").forEach(out::add);
            String link = a.json().path("@odata.nextLink").asText(null);
            next = link == null ? null : UsersTest.pathOf(link);
        }
        return out;
    }

    private static List<String> types(List<JsonNode> members) {
        return members.stream().map(m -> m.get("@odata.type").asText()).toList();
    }

    @Test
    void directMembersListANestedGroupAsAGroup() {
        Answer a = client.get(ENGINEERING + "/members", token);
        assertThat(a.json().get("@odata.context").asText()).endsWith("/v1.0/$metadata#directoryObjects");
        List<JsonNode> members = all(ENGINEERING + "/members");
        assertThat(members).hasSize(13);
        assertThat(types(members)).containsOnly("#microsoft.graph.user", "#microsoft.graph.group");
        assertThat(members.stream().filter(m -> m.get("id").asText().equals(OPERATIONS_GROUP)).findFirst().orElseThrow()
                .get("@odata.type").asText()).isEqualTo("#microsoft.graph.group");
    }

    @Test
    void transitiveMembersExpandNestedGroups() {
        List<JsonNode> members = all(ENGINEERING + "/transitiveMembers");
        assertThat(members).hasSize(12 + 1 + 5);
    }

    @Test
    void theUserCastPagesThroughUsersOnlyWithTheSelectedProperties() {
        List<JsonNode> pageOne = new ArrayList<>();
        client.get(ENGINEERING + "/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName,mail,displayName&$top=5",
                token).json().get("value").forEach(pageOne::add);
        assertThat(pageOne).hasSize(5);
        List<JsonNode> users = all(ENGINEERING
                + "/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName,mail,displayName&$top=5");
        assertThat(users).hasSize(17);
        assertThat(types(users)).containsOnly("#microsoft.graph.user");
        assertThat(users.stream().map(u -> u.get("id").asText()).distinct()).hasSize(17).contains(ADA);
        List<String> names = new ArrayList<>();
        users.get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("@odata.type", "id", "userPrincipalName", "mail", "displayName");
    }

    @Test
    void theUserCastHasTheUsersContext() {
        Answer a = client.get(ENGINEERING + "/transitiveMembers/microsoft.graph.user?$select=id,mail", token);
        assertThat(a.json().get("@odata.context").asText()).endsWith("/v1.0/$metadata#users(id,mail)");
    }

    @Test
    void anUnknownGroupIsTheDirectorysNotFound() {
        Answer a = client.get("/v1.0/groups/00000000-0000-0000-0000-000000000009/transitiveMembers", token);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().at("/error/code").asText()).isEqualTo("Request_ResourceNotFound");
    }

    @Test
    void withoutAGroupMemberRoleTheDirectoryRefuses(@TempDir Path dir) throws Exception {
        Path seed = GraphTestSeeds.changingRoles(dir, List.of("GroupMember.Read.All"), List.of());
        try (Sandbox other = Sandbox.start(SandboxOptions.defaults().withSeed(seed))) {
            SandboxTestClient c = new SandboxTestClient(other);
            Answer a = c.get(ENGINEERING + "/members", c.token(SandboxTestClient.GRAPH_SCOPE));
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.json().at("/error/code").asText()).isEqualTo("Authorization_RequestDenied");
        }
    }
}
