package dev.teamsproactive.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file in routes/ loads with Camel's YAML DSL and every direct: call has a route to go to. */
class RoutesFolderTest {
    @TempDir
    Path copy;

    @Test
    void everyRouteFileLoadsAndEveryDirectCallIsAnswered() throws Exception {
        assertThat(RoutesCheck.problems(Path.of("routes"))).isEmpty();
    }

    @Test
    void aBrokenFileIsNamedWithItsProblem() throws Exception {
        copyRoutes();
        Files.writeString(copy.resolve("9-broken.camel.yaml"), """
                - route:
                    id: broken
                    from:
                      uri: direct:broken
                      steps:
                        - setBody:
                            simpel: "typo"
                """);
        List<String> problems = RoutesCheck.problems(copy);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("9-broken.camel.yaml: ").contains("simpel").contains("line");
    }

    @Test
    void aCallToAMissingDirectRouteIsNamedWithItsFile() throws Exception {
        copyRoutes();
        Files.delete(copy.resolve("channel-post.camel.yaml"));
        assertThat(RoutesCheck.problems(copy)).containsExactly("2-campaign.camel.yaml: sends to direct:channel-post, but no route in "
                + copy + " starts from direct:channel-post");
    }

    private void copyRoutes() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
