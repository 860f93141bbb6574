package dev.teamsproactive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.teamsproactive.resilience.CircuitBreakers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config/application.properties is the one source of default values: Java holds none that could disagree. */
class DefaultsTest {
    /** Settings read with require only for a real tenant: the sandbox needs none of them. */
    private static final Set<String> TENANT_ONLY = Set.of("teams.tenant-id", "teams.client-id", "teams.app-external-id");
    private static final Pattern READ = Pattern.compile("settings\\.(?:require|getInt)\\(\"([^\"]+)\"\\)");

    @TempDir
    Path config;

    @Test
    void everySettingTheJavaCodeNeedsIsInTheConfigFile() throws IOException {
        Properties file = new Properties();
        try (var in = Files.newBufferedReader(Path.of("config/application.properties"), StandardCharsets.UTF_8)) {
            file.load(in);
        }
        List<String> read = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = READ.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        assertThat(read).as("settings read by Java").isNotEmpty().contains("teams.retry-after.first-delay-ms");
        assertThat(read.stream().filter(k -> !TENANT_ONLY.contains(k)).filter(k -> !file.containsKey(k)).toList())
                .as("read by Java, missing from config/application.properties").isEmpty();
    }

    @Test
    void theBreakersFindEachOfTheirSettings() throws IOException {
        Settings settings = Settings.load(config, Map.of());

        assertThat(new CircuitBreakers(name -> settings.getInt("teams.breaker." + name)).graph()).isNotNull();
    }

    @Test
    void aMissingSettingIsAnErrorNamingTheKey() throws IOException {
        Settings settings = Settings.load(config, Map.of());

        assertThatThrownBy(() -> settings.getInt("teams.no-such-setting")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("teams.no-such-setting").hasMessageContaining("TEAMS_NO_SUCH_SETTING");
        assertThatThrownBy(() -> settings.require("teams.no-such-setting")).hasMessageContaining("teams.no-such-setting");
    }

    @Test
    void theConfigFileSetsEachKeyOnce() throws IOException {
        List<String> keys = Files.readAllLines(Path.of("config/application.properties"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && l.contains("="))
                .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();

        assertThat(keys).doesNotHaveDuplicates();
    }
}
