package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teamsproactive.sandbox.tenant.Seed;
import dev.teamsproactive.tls.SandboxTls;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code sandbox} command of the real jar, run as its own process from a
 * folder that is not the project's. Runs in {@code mvn verify} after {@code package} (maven-failsafe-plugin).
 */
class SandboxCommandIT {
    private static final Pattern READY = Pattern.compile("Sandbox ready at (https://127\\.0\\.0\\.1:(\\d+))");
    private static final Duration START = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    @Test
    void startsFromAnyFolderWithASeedServesTokensAndStatsAndStopsOnSigterm() throws Exception {
        Path seed = workDir.resolve("tenant.json");
        try (InputStream in = Seed.class.getResourceAsStream(Seed.DEFAULT_RESOURCE)) {
            Files.copy(in, seed);
        }
        Seed tenant = Seed.read(seed);

        try (JarProcess sandbox = JarProcess.start(workDir, "sandbox", "--port", "0", "--seed", "tenant.json")) {
            String url = readyUrl(sandbox);
            HttpClient http = HttpClient.newBuilder().sslContext(SandboxTls.clientContext()).build();

            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(url + "/" + tenant.tenantId() + "/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + enc(tenant.app().clientId())
                            + "&client_secret=" + enc(tenant.app().clientSecret()) + "&scope=" + enc("https://graph.microsoft.com/.default")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(url + "/_sandbox/stats")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(token.body()).get("access_token").asText()).isNotBlank();
            assertThat(stats.statusCode()).isEqualTo(200);
            JsonNode counted = JSON.readTree(stats.body()).get("requests").get("POST /{tenant}/oauth2/v2.0/token");
            assertThat(counted.get("200").asInt()).isEqualTo(1);

            sandbox.stop(Duration.ofSeconds(20));
        }
    }

    @Test
    void usersAddsThatManyOrdinaryUsersAfterTheSeededOnes() throws Exception {
        int seeded;
        try (InputStream in = Seed.class.getResourceAsStream(Seed.DEFAULT_RESOURCE)) {
            seeded = JSON.readTree(in).get("users").size();
        }

        try (JarProcess sandbox = JarProcess.start(workDir, "sandbox", "--port", "0", "--users", "1000")) {
            readyUrl(sandbox);
            String details = sandbox.nextLine(START);

            assertThat(details).contains(", " + (seeded + 1000) + " users (the last: user1000@contoso.example)");
            sandbox.stop(Duration.ofSeconds(20));
        }
    }

    static Stream<Arguments> badStarts() {
        return Stream.of(
                Arguments.of(List.of("--limits", "fast"), "--limits takes real, off or xK"),
                Arguments.of(List.of("--faults", "5xx=2"), "--faults: 5xx must be between 0 and 1"),
                Arguments.of(List.of("--faults", "boom=0.1"), "--faults: unknown fault 'boom'"),
                Arguments.of(List.of("--seed", "missing.json"), "missing.json: no such file"),
                Arguments.of(List.of("--seed", "."), "--seed: cannot read"),
                Arguments.of(List.of("--seed", "broken.json"), "broken.json, line 3, column"),
                Arguments.of(List.of("--seed", "no-tenant.json"), "no-tenant.json, line 1, column"),
                Arguments.of(List.of("--seed", "odd-behavior.json"), "Unknown behavior 'grumpy'"),
                Arguments.of(List.of("--seed", "bad-certificate.json"), "app.certificate is not a PEM X.509 certificate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStarts")
    void aBadFlagOrSeedExitsNonZeroWithOneLineNamingTheProblem(List<String> flags, String expected) throws Exception {
        Files.writeString(workDir.resolve("broken.json"), "{\n  \"tenantId\": \"t\",\n  \"app\": { ,\n}\n");
        Files.writeString(workDir.resolve("no-tenant.json"), "{\"app\":{\"externalId\":\"e\",\"clientId\":\"c\",\"clientSecret\":\"s\"}}");
        Files.writeString(workDir.resolve("odd-behavior.json"), "{\"tenantId\":\"t\",\"app\":{\"externalId\":\"e\",\"clientId\":\"c\","
                + "\"clientSecret\":\"s\"},\"users\":[{\"id\":\"u\",\"userPrincipalName\":\"u@x\",\"behavior\":\"grumpy\"}]}");
        Files.writeString(workDir.resolve("bad-certificate.json"), "{\"tenantId\":\"t\",\"app\":{\"externalId\":\"e\","
                + "\"clientId\":\"c\",\"certificate\":\"-----BEGIN CERTIFICATE-----\\nnot base64\\n-----END CERTIFICATE-----\"}}");
        String[] args = Stream.concat(Stream.of("sandbox", "--port", "0"), flags.stream()).toArray(String[]::new);

        try (JarProcess sandbox = JarProcess.start(workDir, args)) {
            int exit = sandbox.exitCode(START);

            assertThat(exit).isNotZero();
            assertThat(sandbox.stderrLines()).hasSize(1);
            assertThat(sandbox.stderrLines().get(0)).contains(expected);
            assertThat(sandbox.stdoutLines()).noneMatch(l -> l.contains("Sandbox ready"));
        }
    }

    @Test
    void aMissingTenantIdIsNamedAsSuch() throws Exception {
        Files.writeString(workDir.resolve("seed.json"), "{\"app\":{\"externalId\":\"e\",\"clientId\":\"c\",\"clientSecret\":\"s\"}}");

        try (JarProcess sandbox = JarProcess.start(workDir, "sandbox", "--port", "0", "--seed", "seed.json")) {
            assertThat(sandbox.exitCode(START)).isEqualTo(2);
            assertThat(sandbox.stderrLines()).singleElement().asString()
                    .contains(workDir.resolve("seed.json").toAbsolutePath().toString())
                    .contains("missing required field tenantId");
        }
    }

    @Test
    void aTakenPortExitsWithOneAndSaysSo() throws Exception {
        try (JarProcess first = JarProcess.start(workDir, "sandbox", "--port", "0")) {
            String port = readyUrl(first).replaceAll(".*:", "");

            try (JarProcess second = JarProcess.start(workDir, "sandbox", "--port", port)) {
                assertThat(second.exitCode(START)).isEqualTo(1);
                assertThat(second.stderrLines()).singleElement().asString().contains("cannot listen on 127.0.0.1:" + port);
            }
            first.stop(Duration.ofSeconds(20));
        }
    }

    private static String readyUrl(JarProcess sandbox) throws InterruptedException {
        String line = sandbox.nextLine(START);
        assertThat(line).as("first line of standard output; standard error: %s", sandbox.stderrLines()).isNotNull();
        Matcher m = READY.matcher(line);
        assertThat(m.matches()).as("ready line: %s", line).isTrue();
        assertThat(Integer.parseInt(m.group(2))).isPositive();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
