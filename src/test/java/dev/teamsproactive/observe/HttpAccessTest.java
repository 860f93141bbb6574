package dev.teamsproactive.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.teamsproactive.config.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Who may use the HTTP port: the allowed host names, and the token the port asks for beyond loopback (or when
 * told to), on the real service; the start-up rules for a port bound beyond this machine, without binding one.
 */
class HttpAccessTest {
    private static final String TOKEN = "s3cr3t-status-token-0123456789";
    @TempDir
    Path work;

    @Test
    void withATokenRequiredEveryPathNeedsItAsBearerOrBasicPassword() throws Exception {
        Path tokenFile = Files.writeString(work.resolve("http-token"), TOKEN + "\n", StandardCharsets.UTF_8);
        try (ObservedService service = ObservedService.start(work, "teams.http.token-required=true\nteams.http.token-file="
                + tokenFile + "\nteams.http.allowed-hosts=status.contoso.example")) {
            String host = "127.0.0.1:" + service.port;
            String basic = "Basic " + Base64.getEncoder().encodeToString(("anyone:" + TOKEN).getBytes(StandardCharsets.UTF_8));
            for (String path : new String[] {"/status", "/api/campaigns", "/observe/health", "/observe/metrics"}) {
                ObservedService.Answer none = service.getAs(path, host, null);
                assertThat(none.status()).as(path).isEqualTo(401);
                assertThat(none.body()).doesNotContain(TOKEN);
                assertThat(service.getAs(path, host, "Bearer wrong-token").status()).as(path).isEqualTo(401);
                assertThat(service.getAs(path, host, "Bearer " + TOKEN.substring(0, 10)).status()).as(path).isEqualTo(401);
                assertThat(service.getAs(path, host, "Bearer " + TOKEN).status()).as(path).isEqualTo(200);
                assertThat(service.getAs(path, host, basic).status()).as(path).isEqualTo(200);
                // A configured name is served too; the token does not open the port to any other name.
                assertThat(service.getAs(path, "status.contoso.example", "Bearer " + TOKEN).status()).as(path).isEqualTo(200);
                assertThat(service.getAs(path, "evil.example", "Bearer " + TOKEN).status()).as(path).isEqualTo(403);
            }
        }
    }

    @Test
    void aPortBeyondLoopbackNeedsATokenOrAnExplicitOptOutAndIsWarnedAbout() throws Exception {
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(HttpAccess.class);
        warnings.start();
        logger.addAppender(warnings);
        try {
            IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class,
                    () -> HttpAccess.of(settings(Map.of("TEAMS_HTTP_HOST", "0.0.0.0"))).checkBeforeOpening());
            assertThat(refused.getMessage()).startsWith("teams.http.host is 0.0.0.0, beyond this machine")
                    .contains("TEAMS_HTTP_TOKEN").contains("teams.http.token-required=false");

            assertThatCode(() -> HttpAccess.of(settings(Map.of("TEAMS_HTTP_HOST", "0.0.0.0", "TEAMS_HTTP_TOKEN", TOKEN)))
                    .checkBeforeOpening()).doesNotThrowAnyException();
            assertThatCode(() -> HttpAccess.of(settings(Map.of("TEAMS_HTTP_HOST", "0.0.0.0",
                    "TEAMS_HTTP_TOKEN_REQUIRED", "false"))).checkBeforeOpening()).doesNotThrowAnyException();
            assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                    .allMatch(m -> m.startsWith("The HTTP port (status page, reports, health, metrics) listens on 0.0.0.0"))
                    .anyMatch(m -> m.endsWith("every request needs the token (teams.http.token)"))
                    .anyMatch(m -> m.contains("with no token (teams.http.token-required=false)"))
                    .noneMatch(m -> m.contains(TOKEN));

            // On loopback no token is needed, and no warning given.
            assertThatCode(() -> HttpAccess.of(settings(Map.of())).checkBeforeOpening()).doesNotThrowAnyException();
            assertThat(warnings.list).hasSize(2);
        } finally {
            logger.detachAppender(warnings);
        }
    }

    @Test
    void theTokenIsNeverReadFromApplicationProperties() throws Exception {
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/application.properties"), "teams.http.token=" + TOKEN + "\n");
        IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class,
                () -> HttpAccess.of(Settings.load(work.resolve("config"), Map.of())));
        assertThat(refused.getMessage()).startsWith("The secret teams.http.token must not be written in application.properties");
    }

    @Test
    void hostNamesAreComparedWithoutTheirPortAndCase() {
        assertThat(HttpAccess.hostName("LocalHost:8080")).isEqualTo("localhost");
        assertThat(HttpAccess.hostName("[::1]:8080")).isEqualTo("[::1]");
        assertThat(HttpAccess.hostName("::1")).isEqualTo("[::1]");
        assertThat(HttpAccess.hostName("status.contoso.example")).isEqualTo("status.contoso.example");
        assertThat(HttpAccess.isLoopback("127.0.0.1")).isTrue();
        assertThat(HttpAccess.isLoopback("::1")).isTrue();
        assertThat(HttpAccess.isLoopback("0.0.0.0")).isFalse();
    }

    private Settings settings(Map<String, String> environment) throws Exception {
        return Settings.load(work.resolve("no-config"), environment);
    }
}
