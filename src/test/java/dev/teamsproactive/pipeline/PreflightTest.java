package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.preflight.PreflightFailedException;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Preflight through the real routes: each tenant that is not set up stops the campaign before any install or
 * send, with a message naming the missing piece and what an admin must do; the least privileged setup
 * (TeamsAppInstallation.ReadWriteSelfForUser.All alone, the catalog id configured) delivers to object ids.
 */
class PreflightTest {
    private static final String INSTALL_ROLE = "TeamsAppInstallation.ReadWriteSelfForUser.All";

    @TempDir
    Path work;

    @Test
    void theInstallPermissionAloneDeliversToObjectIdsAndAUpnFileIsStoppedForUserReadAll() throws Exception {
        Path seed = TenantSeeds.granting(work, INSTALL_ROLE);
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSeed(seed),
                "teams.app-catalog-id=" + TenantSeeds.CATALOG_ID)) {
            Path ids = Files.writeString(work.resolve("ids.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n"
                    + TenantSeeds.GRACE + ",Grace\n", StandardCharsets.UTF_8);

            JsonNode summary = fixture.sendOk(ids);

            assertThat(summary.get("sent").asInt()).isEqualTo(2);
            assertThat(fixture.sandboxDeliveries()).hasSize(2);
            // The configured catalog id spares the lookup, which would need AppCatalog.Read.All.
            assertThat(fixture.sandboxStats().get("requests").has("GET /v1.0/appCatalogs/teamsApps")).isFalse();

            Path upns = Files.writeString(work.resolve("upns.csv"), "id,name\nalan@contoso.example,Alan\n",
                    StandardCharsets.UTF_8);
            Exception failure = fixture.send(upns, "").getException();
            assertThat(failure).isInstanceOf(PreflightFailedException.class)
                    .hasMessageContaining("resolve recipients given by user principal name or mail address")
                    .hasMessageContaining("grant the Microsoft Graph application permission User.Read.All")
                    .hasMessageContaining("Granted now: " + INSTALL_ROLE);
            assertThat(fixture.sandboxDeliveries()).hasSize(2);
        }
    }

    @Test
    void missingRolesAreNamedWithWhatToGrantAtStartAndBeforeACampaign() throws Exception {
        Path seed = TenantSeeds.granting(work, "User.Read.All");
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSeed(seed))) {
            // As `run` does at start.
            assertThatThrownBy(fixture.app::preflight).isInstanceOf(PreflightFailedException.class)
                    .hasMessageContaining("lacks 2 permissions")
                    .hasMessageContaining("to install the app for users and find their chats, an admin must grant the"
                            + " Microsoft Graph application permission " + INSTALL_ROLE)
                    .hasMessageContaining("AppCatalog.Read.All")
                    .hasMessageContaining("or set teams.app-catalog-id");

            Exception failure = sendOneObjectId(fixture).getException();

            assertThat(failure).isInstanceOf(PreflightFailedException.class).hasMessageContaining(INSTALL_ROLE);
            assertThat(graphRequests(fixture)).isZero();
            // The campaign that failed its preflight is FAILED with the reason, not left RUNNING.
            assertThat(new dev.teamsproactive.observe.CampaignBoard(fixture.app.ledger().dataSource()).latest())
                    .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("FAILED"));
        }
    }

    @Test
    void anAppMissingFromTheCatalogIsNamed() throws Exception {
        Path seed = TenantSeeds.changed(work, s -> ((ObjectNode) s.get("app"))
                .put("externalId", "00000000-1111-4222-8333-444444444444"));
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSeed(seed))) {
            Exception failure = sendOneObjectId(fixture).getException();

            assertThat(failure).isInstanceOf(PreflightFailedException.class)
                    .hasMessageContaining("the app with manifest id 3b1f8a2c-5d6e-4f70-8a9b-0c1d2e3f4a5b is not in the"
                            + " tenant's app catalog")
                    .hasMessageContaining("An admin must publish it");
            assertThat(fixture.sandboxDeliveries()).isEmpty();
        }
    }

    @Test
    void aSecretTheTokenEndpointRefusesIsATokenFailure() throws Exception {
        Path seed = TenantSeeds.changed(work, s -> ((ObjectNode) s.get("app")).put("clientSecret", "a-newer-secret"));
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSeed(seed))) {
            Exception failure = sendOneObjectId(fixture).getException();

            assertThat(failure).isInstanceOf(PreflightFailedException.class)
                    .hasMessageContaining("no Microsoft Graph token for the app registration")
                    .hasMessageContaining("AADSTS7000215: Invalid client secret provided")
                    .hasMessageContaining("give the app's current client secret (TEAMS_CLIENT_SECRET)")
                    .hasMessageNotContaining("sandbox-secret-not-for-production");
            assertThat(graphRequests(fixture)).isZero();
            // A refused secret is a setup problem: asked once, never retried as if the endpoint were busy.
            long tokenRequests = 0;
            for (JsonNode r : fixture.sandboxRequests()) {
                tokenRequests += r.get("path").asText().endsWith("/oauth2/v2.0/token") ? 1 : 0;
            }
            assertThat(tokenRequests).isEqualTo(1);
        }
    }

    private Exchange sendOneObjectId(PipelineFixture fixture) throws Exception {
        Path file = Files.writeString(work.resolve("one.csv"), "id,name\n" + TenantSeeds.ADA + ",Ada\n",
                StandardCharsets.UTF_8);
        return fixture.send(file, "");
    }

    /** Graph requests other than the catalog lookup: installs, user and chat lookups. */
    private static long graphRequests(PipelineFixture fixture) {
        long n = 0;
        for (JsonNode r : fixture.sandboxRequests()) {
            String path = r.get("path").asText();
            if (path.startsWith("/v1.0/") && !path.startsWith("/v1.0/appCatalogs")) {
                n++;
            }
        }
        return n;
    }
}
