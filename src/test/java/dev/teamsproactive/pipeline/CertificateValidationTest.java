package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.net.ssl.SSLHandshakeException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aimed at Microsoft (credentials configured), the service keeps the JVM's certificate validation: its HTTPS calls
 * refuse a server whose certificate no public authority signed, here the sandbox's own. Only a sandbox target trusts
 * the sandbox certificate (and nothing else).
 */
class CertificateValidationTest {
    @TempDir
    Path work;

    @Test
    void callsAimedAtMicrosoftRefuseAnUntrustedCertificate() throws Exception {
        Path config = PipelineFixture.configIn(work);
        Path secret = Files.writeString(work.resolve("client-secret"), "not-a-real-secret", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("application.properties"), "\nteams.tenant-id=00000000-0000-0000-0000-000000000001"
                + "\nteams.client-id=00000000-0000-0000-0000-000000000002\nteams.app-external-id=00000000-0000-0000-0000-000000000003"
                + "\nteams.client-secret-file=" + secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (Sandbox untrusted = Sandbox.start(SandboxOptions.defaults());
                Application app = Application.start(new Application.Options(config, Path.of("routes"),
                        TargetResolver.Mode.AUTO, null, false))) {
            assertThat(app.sandbox()).as("no sandbox: the target is Microsoft").isNull();

            Exchange answer = app.producer().send(untrusted.url() + "/_sandbox/stats", ex -> ex.getIn().setBody(""));

            assertThat(answer.getException()).isNotNull();
            assertThat(answer.getException(SSLHandshakeException.class)).as("%s", answer.getException()).isNotNull();
        }
    }
}
