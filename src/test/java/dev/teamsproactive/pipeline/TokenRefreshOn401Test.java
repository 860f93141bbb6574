package dev.teamsproactive.pipeline;


import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token that the service refuses (401) is replaced once by a newly issued one: the sandbox restarts with a
 * new signing key, so msal4j's cached tokens are worthless, and the campaign still reaches everyone.
 */
class TokenRefreshOn401Test {
    @TempDir
    Path work;
    private Sandbox sandbox;
    private Application app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aRefusedCachedTokenIsRefreshedOnceAndTheCampaignGoesOn() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        int port = sandbox.port();
        Path config = PipelineFixture.configIn(work);
        app = Application.start(new Application.Options(config, Path.of("routes"), TargetResolver.Mode.SANDBOX_URL,
                sandbox.url(), false));
        Path first = work.resolve("first.csv");
        Files.writeString(first, "userPrincipalName,name\nada@contoso.example,Ada\n");
        assertThat(send(first)).contains("\"sent\":1");

        // Same port, new signing key: the tokens msal4j holds are now refused with 401.
        sandbox.close();
        sandbox = Sandbox.start(SandboxOptions.defaults().withPort(port));
        Path second = work.resolve("second.csv");
        Files.writeString(second, "userPrincipalName,name\ngrace@contoso.example,Grace\n");

        String summary = send(second);
        assertThat(summary).contains("\"sent\":1");
        assertThat(sandbox.tenant().requests().counts().get("GET /v1.0/appCatalogs/teamsApps")).isNull();
        assertThat(sandbox.tenant().requests().counts().get("GET /v1.0/users/{id}")).containsEntry("401", 1L)
                .containsEntry("200", 1L);
        assertThat(sandbox.tenant().requests().counts().get("POST /v3/conversations/{conversationId}/activities"))
                .containsEntry("401", 1L).containsEntry("201", 1L);
        assertThat(sandbox.tenant().deliveries().count()).isEqualTo(1);
    }

    private String send(Path file) throws Exception {
        Exchange result = app.producer().send("direct:campaign", ex -> {
            ex.setProperty(Props.CAMPAIGN_FILE, file.toString());
            ex.setProperty(Props.SOURCE, file.getFileName().toString());
            ex.setProperty(Props.TEMPLATE, "");
        });
        if (result.getException() != null) {
            throw result.getException();
        }
        return result.getMessage().getBody(String.class);
    }
}
