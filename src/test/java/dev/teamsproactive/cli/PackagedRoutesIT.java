package dev.teamsproactive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jar's packaged routes ({@code defaults/routes/}, used when no {@code ./routes} folder is there) are exactly
 * the repository's {@code routes/}: a route deleted from the repository after an earlier build is not packaged.
 */
class PackagedRoutesIT {
    private static final String PREFIX = "defaults/routes/";

    @Test
    void theJarCarriesExactlyTheRepositorysRoutes() throws IOException {
        Map<String, String> packaged = new TreeMap<>();
        try (ZipFile jar = new ZipFile(JarProcess.jar().toFile())) {
            for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
                if (entry.getName().startsWith(PREFIX) && !entry.isDirectory()) {
                    packaged.put(entry.getName().substring(PREFIX.length()),
                            new String(jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        Map<String, String> repository = new TreeMap<>();
        Path routes = Path.of("routes");
        try (Stream<Path> files = Files.walk(routes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                repository.put(routes.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }

        assertThat(packaged.keySet()).as("files under %s in the jar", PREFIX).isEqualTo(repository.keySet());
        assertThat(packaged).as("their contents").isEqualTo(repository);
    }
}
