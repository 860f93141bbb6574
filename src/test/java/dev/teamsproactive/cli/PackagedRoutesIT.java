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
 * The same holds for the kamelets the routes call ({@code defaults/kamelets/}, used when no {@code ./kamelets}).
 */
class PackagedRoutesIT {

    @Test
    void theJarCarriesExactlyTheRepositorysRoutes() throws IOException {
        assertPackagedExactly("routes");
    }

    @Test
    void theJarCarriesExactlyTheRepositorysKamelets() throws IOException {
        assertPackagedExactly("kamelets");
    }

    private static void assertPackagedExactly(String folder) throws IOException {
        String prefix = "defaults/" + folder + "/";
        Map<String, String> packaged = new TreeMap<>();
        try (ZipFile jar = new ZipFile(JarProcess.jar().toFile())) {
            for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
                if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                    packaged.put(entry.getName().substring(prefix.length()),
                            new String(jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        Map<String, String> repository = new TreeMap<>();
        Path dir = Path.of(folder);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                repository.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }

        assertThat(repository).as("files under %s/ in the repository", folder).isNotEmpty();
        assertThat(packaged.keySet()).as("files under %s in the jar", prefix).isEqualTo(repository.keySet());
        assertThat(packaged).as("their contents").isEqualTo(repository);
    }
}
