package dev.teamsproactive.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.MsalServiceException;
import dev.teamsproactive.auth.Credentials;
import dev.teamsproactive.auth.TokenProvider;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import dev.teamsproactive.sandbox.tenant.Seed;
import dev.teamsproactive.tls.SandboxTls;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate instead of the secret (teams.client-certificate-file): the seed registers {@code app.certificate},
 * msal4j signs its client assertion with the matching key, and the sandbox checks it.
 */
class CertificateCredentialTest {
    /** Test-only key store password for key pairs made in a temporary folder and thrown away. */
    private static final String STORE_PASSWORD = "throwaway-test-store";
    @TempDir
    Path dir;
    private Sandbox sandbox;

    @BeforeEach
    void startWithARegisteredCertificate() throws Exception {
        keyPair("registered");
        keyPair("stranger");
        ObjectNode seed;
        try (InputStream in = Seed.class.getResourceAsStream(Seed.DEFAULT_RESOURCE)) {
            seed = (ObjectNode) SandboxTestClient.JSON.readTree(in);
        }
        ((ObjectNode) seed.get("app")).put("certificate", Files.readString(dir.resolve("registered.pem")));
        Path seedFile = dir.resolve("tenant.json");
        SandboxTestClient.JSON.writeValue(seedFile.toFile(), seed);
        sandbox = Sandbox.start(SandboxOptions.defaults().withSeed(seedFile));
    }

    @AfterEach
    void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void msal4jGetsAGraphTokenWithTheRegisteredCertificate() throws Exception {
        String token = acquire("registered");

        assertThat(TokenClaims.of(token).get("appid").asText()).isEqualTo(sandbox.tenant().app().clientId());
        assertThat(TokenClaims.of(token).get("aud").asText()).isEqualTo("https://graph.microsoft.com");
    }

    @Test
    void anotherCertificateIsInvalidClient() {
        assertThatThrownBy(() -> acquire("stranger"))
                .isInstanceOf(MsalServiceException.class)
                .satisfies(e -> {
                    assertThat(((MsalServiceException) e).errorCode()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).contains("AADSTS700027").contains("does not match the certificate registered on the app");
                });
    }

    @Test
    void theSecretStillWorksBesideTheCertificate() {
        assertThat(new SandboxTestClient(sandbox).token(SandboxTestClient.GRAPH_SCOPE)).isNotBlank();
    }

    @Test
    void theProductsTokenProviderSignsInWithTheCertificateAndCachesTheToken() {
        TokenProvider graph = new TokenProvider(sandbox.url(), sandbox.tenant().tenantId(), sandbox.tenant().app().clientId(),
                Credentials.of(null, dir.resolve("registered.p12"), STORE_PASSWORD), SandboxTestClient.GRAPH_SCOPE,
                SandboxTls.clientContext(), true);

        String first = graph.authorization();
        String second = graph.authorization();

        assertThat(first).startsWith("Bearer ").isEqualTo(second);
        assertThat(TokenClaims.of(first.substring(7)).get("aud").asText()).isEqualTo("https://graph.microsoft.com");
        assertThat(sandbox.tenant().requests().counts().get("POST /{tenant}/oauth2/v2.0/token")).containsEntry("200", 1L);
    }

    @Test
    void aCertificateFileThatCannotBeReadIsNamed() {
        assertThatThrownBy(() -> Credentials.of(null, dir.resolve("missing.p12"), STORE_PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.p12");
    }

    private String acquire(String keyName) throws Exception {
        ConfidentialClientApplication app;
        try (InputStream p12 = Files.newInputStream(dir.resolve(keyName + ".p12"))) {
            app = ConfidentialClientApplication.builder(sandbox.tenant().app().clientId(),
                            ClientCredentialFactory.createFromCertificate(p12, STORE_PASSWORD))
                    .authority(sandbox.url() + "/" + sandbox.tenant().tenantId() + "/")
                    .instanceDiscovery(false)
                    .validateAuthority(false)
                    .sslSocketFactory(SandboxTls.clientContext().getSocketFactory())
                    .build();
        }
        try {
            return app.acquireToken(ClientCredentialParameters.builder(Set.of(SandboxTestClient.GRAPH_SCOPE)).build())
                    .join().accessToken();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** An RSA key pair and self-signed certificate made by the JDK's keytool: NAME.p12 and NAME.pem in the temp folder. */
    private void keyPair(String name) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + name, "-storetype", "PKCS12", "-keystore", dir.resolve(name + ".p12").toString(),
                "-storepass", STORE_PASSWORD));
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "app", "-keystore", dir.resolve(name + ".p12").toString(),
                "-storepass", STORE_PASSWORD, "-file", dir.resolve(name + ".pem").toString()));
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s: %s", command.get(1), output).isZero();
    }
}
