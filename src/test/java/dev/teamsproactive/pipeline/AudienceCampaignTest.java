package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.props.AudienceProps;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Campaign files dropped like recipients files ({"audience":{…}}), against the default sandbox tenant with
 * Graph pages of five: all users page by page, a team's members, a post in a team's channel, and dry runs
 * that resolve and render everything but install and send nothing.
 */
class AudienceCampaignTest {
    private static final String ENGINEERING_TEAM = "fd6c8c9b-d517-5aa4-977f-4eed16061849";
    private static final String GENERAL = "19:3f2a1b0c9d8e4f7a6b5c4d3e2f1a0b9c@thread.tacv2";
    private static final String RELEASES = "19:8e7d6c5b4a394827a6b5c4d3e2f1a0b9@thread.tacv2";
    /** The default tenant's 36 users less the guest and the disabled account. */
    private static final int ENABLED_MEMBERS = 34;

    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults(), "teams.audience.page-size=5\n");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void allUsersArePagedThroughEveryNextLinkAndADryRunSendsNothing() throws Exception {
        JsonNode summary = send(campaign("everyone.json", """
                {"template": "default", "audience": {"allUsers": true}}"""), true);

        assertThat(summary.get("total").asLong()).isEqualTo(ENABLED_MEMBERS);
        assertThat(summary.get("dryRun").asBoolean()).isTrue();
        assertThat(summary.get("wouldSend").asLong()).isEqualTo(ENABLED_MEMBERS);
        assertThat(summary.get("sent").asLong()).isZero();
        assertThat(summary.at("/preview/attachments/0/content/body/0/text").asText())
                .startsWith("Welcome to Contoso Announcements, ");
        // 34 users in pages of five: seven pages, the first asked with the default filter, the others by nextLink.
        List<JsonNode> pages = requests("GET", "/v1.0/users");
        assertThat(pages).hasSize(7);
        assertThat(URLDecoder.decode(pages.get(0).get("query").asText(), StandardCharsets.UTF_8)).contains("accountEnabled eq true and userType eq 'Member'");
        assertThat(pages.subList(1, 7)).allSatisfy(p -> assertThat(p.get("query").asText()).contains("$skiptoken="));
        // Nothing installed, nothing posted.
        assertThat(fixture.sandboxDeliveries()).isEmpty();
        assertThat(requests("POST", "/v1.0")).isEmpty();
        assertThat(requests("POST", "/v3")).isEmpty();
        assertThat(Files.readString(fixture.reports.resolve(summary.get("campaignId").asText()).resolve("preview.json")))
                .contains("AdaptiveCard");
    }

    @Test
    void aDryRunCountsUsersNotFoundAndDoesNotCountAsSentForTheRealCampaign() throws Exception {
        Path file = campaign("welcome.json", """
                {"template": "default", "variables": {"name": "colleague"},
                 "audience": {"users": ["ada@contoso.example", "nobody@contoso.example"]}}""");

        JsonNode dry = send(file, true);
        assertThat(dry.get("campaignId").asText()).endsWith("-dry-run");
        assertThat(dry.get("wouldSend").asLong()).isEqualTo(1);
        assertThat(dry.get("usersNotFound").asLong()).isEqualTo(1);
        assertThat(dry.at("/preview/attachments/0/content/body/0/text").asText())
                .isEqualTo("Welcome to Contoso Announcements, colleague!");
        assertThat(fixture.sandboxDeliveries()).isEmpty();

        JsonNode real = send(file, false);
        assertThat(real.get("sent").asLong()).isEqualTo(1);
        assertThat(real.get("failed").asLong()).isEqualTo(1);
        assertThat(real.get("byCode").get("UserNotFound").asLong()).isEqualTo(1);
        assertThat(fixture.sandboxDeliveries()).hasSize(1);
    }

    @Test
    void aTeamsMembersAreEachReachedOneToOne() throws Exception {
        JsonNode summary = send(campaign("team.json", """
                {"audience": {"team": "%s"}}""".formatted(ENGINEERING_TEAM)), false);

        assertThat(summary.get("total").asLong()).isEqualTo(12);
        assertThat(summary.get("sent").asLong()).isEqualTo(12);
        assertThat(StreamSupport.stream(fixture.sandboxDeliveries().spliterator(), false)
                .map(d -> d.get("userId").asText()).distinct()).hasSize(12);
        assertThat(requests("GET", "/v1.0/teams/" + ENGINEERING_TEAM + "/members")).hasSize(3);
    }

    @Test
    void aChannelPostInstallsTheAppInTheTeamAndPostsOnceInTheNamedChannel() throws Exception {
        JsonNode releases = send(campaign("releases.json", """
                {"template": "default", "variables": {"name": "engineers"},
                 "audience": {"channel": {"team": "%s", "name": "Releases"}}}""".formatted(ENGINEERING_TEAM)), false);
        JsonNode general = send(campaign("general.json", """
                {"template": "default", "variables": {"name": "everyone"},
                 "audience": {"channel": {"team": "%s"}}}""".formatted(ENGINEERING_TEAM)), false);

        assertThat(releases.get("sent").asLong()).isEqualTo(1);
        assertThat(general.get("sent").asLong()).isEqualTo(1);
        JsonNode posts = fixture.sandboxDeliveries();
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).get("conversationId").asText()).isEqualTo(RELEASES);
        assertThat(posts.get(0).get("userId").isNull()).isTrue();
        assertThat(posts.get(1).get("conversationId").asText()).isEqualTo(GENERAL);
        // Installed once in the team (201), found installed the second time (409).
        List<JsonNode> installs = requests("POST", "/v1.0/teams/" + ENGINEERING_TEAM + "/installedApps");
        assertThat(installs).extracting(i -> i.get("status").asInt()).containsExactly(201, 409);
    }

    @Test
    void aGroupGraphDoesNotKnowFailsTheCampaignNamingTheCallAndItsAnswer() throws Exception {
        Path file = campaign("nogroup.json", """
                {"audience": {"group": "00000000-0000-0000-0000-000000000001"}}""");
        Exchange result = fixture.send(file, "");

        assertThat(result.getException()).hasMessageContaining("/v1.0/groups/00000000-0000-0000-0000-000000000001/transitiveMembers")
                .hasMessageContaining("404");
        assertThat(fixture.sandboxDeliveries()).isEmpty();
        // Not left RUNNING: FAILED, as the status page and `status` show it.
        String campaignId = dev.teamsproactive.ledger.CampaignIds.forFile(file);
        assertThat(fixture.app.ledger().findCampaign(campaignId).orElseThrow().status())
                .isEqualTo(dev.teamsproactive.ledger.CampaignStatus.FAILED);
        assertThat(new dev.teamsproactive.observe.CampaignBoard(fixture.app.ledger().dataSource()).running()).isEmpty();
    }

    private Path campaign(String name, String json) throws Exception {
        return Files.writeString(work.resolve(name), json, StandardCharsets.UTF_8);
    }

    private JsonNode send(Path file, boolean dryRun) throws Exception {
        Exchange result = fixture.app.producer().send("direct:campaign", ex -> {
            ex.setProperty(Props.CAMPAIGN_FILE, file.toAbsolutePath().toString());
            ex.setProperty(Props.SOURCE, file.getFileName().toString());
            ex.setProperty(Props.TEMPLATE, "");
            ex.setProperty(AudienceProps.DRY_RUN, dryRun);
        });
        if (result.getException() != null) {
            throw new AssertionError("the campaign failed", result.getException());
        }
        return SandboxTestClient.JSON.readTree(result.getMessage().getBody(String.class));
    }

    /** The sandbox's requests with this method whose path starts with {@code path}, oldest first. */
    private List<JsonNode> requests(String method, String path) {
        return StreamSupport.stream(fixture.sandboxRequests().spliterator(), false)
                .filter(r -> r.get("method").asText().equals(method) && r.get("path").asText().startsWith(path)
                        && !r.get("path").asText().startsWith("/_sandbox"))
                .toList();
    }
}
