package dev.teamsproactive.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.app.Application;
import dev.teamsproactive.app.TargetResolver;
import dev.teamsproactive.pipeline.PipelineFixture;
import dev.teamsproactive.props.Props;
import dev.teamsproactive.sandbox.Sandbox;
import dev.teamsproactive.sandbox.SandboxOptions;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-through, "Editing the routes", done as it says: docs/examples/enrich-name.camel.yaml copied
 * into a routes folder, one `to:` line added to the recipient route, a file with an empty name sent to the
 * sandbox: the message greets the user by their directory name.
 */
class EditingTheRoutesTest {
    @TempDir
    Path work;

    @Test
    void theEnrichStepOfTheReadmeFillsAnEmptyNameFromTheDirectory() throws Exception {
        Path routes = Files.createDirectories(work.resolve("routes"));
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, routes.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(Path.of("docs/examples/enrich-name.camel.yaml"), routes.resolve("3b-enrich-name.camel.yaml"));
        Path recipientRoute = routes.resolve("3-recipient.camel.yaml");
        String before = Files.readString(recipientRoute);
        String after = before.replaceFirst("(?m)^(\\s+)- bean:\\n\\s+ref: recipientSteps\\n\\s+method: lookUpCachedChat",
                "$1- to: direct:enrich-name\n$0");
        assertThat(after).as("the README's insertion point exists").isNotEqualTo(before);
        Files.writeString(recipientRoute, after);
        assertThat(RoutesCheck.problems(routes)).isEmpty();

        Path file = Files.writeString(work.resolve("names.csv"), "id,name\nada@contoso.example,\ngrace@contoso.example,Amazing Grace\n",
                StandardCharsets.UTF_8);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withPort(0));
                Application app = Application.start(new Application.Options(PipelineFixture.configIn(work), routes,
                        TargetResolver.Mode.SANDBOX_URL, sandbox.url(), false))) {
            Exchange result = app.producer().send("direct:campaign", ex -> {
                ex.setProperty(Props.CAMPAIGN_FILE, file.toString());
                ex.setProperty(Props.SOURCE, "names.csv");
                ex.setProperty(Props.TEMPLATE, "");
            });
            assertThat(result.getException()).isNull();
            List<String> cards = new ArrayList<>();
            for (JsonNode d : new SandboxTestClient(sandbox).get("/_sandbox/deliveries", null).json()) {
                cards.add(d.get("attachments").toString());
            }
            assertThat(cards).hasSize(2);
            assertThat(String.join("\n", cards)).contains("Welcome to Contoso Announcements, Ada Lovelace!")
                    .contains("Welcome to Contoso Announcements, Amazing Grace!");
        }
    }
}
