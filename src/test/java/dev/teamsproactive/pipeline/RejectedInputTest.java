package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file or template that cannot make a campaign is rejected whole, before anything is sent: the caller gets
 * a {@link RejectedInputException} naming the file and the reason, and the sandbox sees no install and no message.
 */
class RejectedInputTest {
    @TempDir
    Path work;
    private PipelineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = PipelineFixture.start(work, SandboxOptions.defaults());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    static Stream<Arguments> badInputs() {
        byte[] latin1 = "id,name\nada@contoso.example,Andr\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        return Stream.of(
                Arguments.of("empty.csv", new byte[0], "", "the file is empty"),
                Arguments.of("picture.csv", binary, "", "the file is binary"),
                Arguments.of("people.csv", "name,team\nAda,Engineering\n".getBytes(StandardCharsets.UTF_8), "",
                        "no recipient column"),
                Arguments.of("latin1.csv", latin1, "", "invalid UTF-8"),
                Arguments.of("huge.csv", ("id,name\nada@contoso.example," + "x".repeat(10 * 1024 * 1024) + "\n")
                        .getBytes(StandardCharsets.UTF_8), "", "line 2: the line is longer than 65536 characters"),
                Arguments.of("welcome.csv", "id,name\nada@contoso.example,Ada\n".getBytes(StandardCharsets.UTF_8), "nope",
                        "no message template named 'nope'"));
    }

    @ParameterizedTest(name = "{0} (template ''{2}'')")
    @MethodSource("badInputs")
    void isRejectedWithItsNameAndReasonAndNothingIsSent(String name, byte[] content, String template, String reason)
            throws Exception {
        Path file = Files.write(work.resolve(name), content);

        Exchange result = fixture.send(file, template);

        assertThat(result.getException()).isInstanceOf(RejectedInputException.class)
                .hasMessageContaining(name).hasMessageContaining(reason);
        assertThat(fixture.sandboxStats().get("deliveries").asInt()).isZero();
        assertThat(fixture.sandboxDeliveries()).isEmpty();
        // No user was looked up or installed for, and nothing went to the Bot Connector.
        assertThat(fixture.sandboxRequests()).noneMatch(r -> r.get("path").asText().startsWith("/v1.0/users")
                || r.get("path").asText().startsWith("/v3/"));
    }
}
