package dev.teamsproactive.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings of {@code config/application.properties}, each overridable by an environment variable named
 * the way Camel names them ({@code teams.client-secret} → {@code TEAMS_CLIENT_SECRET}), so Java beans and
 * the routes' {@code {{…}}} placeholders see the same values. Packaged defaults apply under both.
 *
 * <p>The packaged copy of {@code config/application.properties} is the one source of default values: Java code
 * reads a setting it needs with {@link #require} or {@link #getInt(String)}, so a missing one is an error naming
 * the key, never a value written in Java that could disagree with the file.
 */
public final class Settings {
    private final Properties values;
    private final Map<String, String> environment;
    private final Path configDir;

    private Settings(Properties values, Map<String, String> environment, Path configDir) {
        this.values = values;
        this.environment = environment;
        this.configDir = configDir;
    }

    /** Reads the packaged defaults, then {@code <configDir>/application.properties} when it exists. */
    public static Settings load(Path configDir, Map<String, String> environment) throws IOException {
        Properties values = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/defaults/config/application.properties")) {
            if (in != null) {
                values.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        Path file = configDir.resolve("application.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            }
        }
        return new Settings(values, environment, configDir);
    }

    /** The environment variable that overrides a setting: upper case, '.' and '-' as '_'. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> get(String key) {
        String fromEnv = environment.get(environmentName(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.trim());
        }
        String v = values.getProperty(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("The setting " + key
                + " is missing: set it in " + configDir.resolve("application.properties") + " or as the environment variable "
                + environmentName(key)));
    }

    /** A whole-number setting; missing or not a number is an error naming the key. */
    public int getInt(String key) {
        String v = require(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The setting " + key + " must be a whole number, not '" + v + "'");
        }
    }

    /** Whether the key is written in application.properties (as opposed to the environment or nowhere). */
    public boolean fromFile(String key) {
        String v = values.getProperty(key);
        return v != null && !v.isBlank();
    }

    public Path configDir() {
        return configDir;
    }

    /** Every key known from the files, for handing to Camel's properties (environment overrides applied). */
    public Properties resolved() {
        Properties out = new Properties();
        for (String key : values.stringPropertyNames()) {
            get(key).ifPresent(v -> out.setProperty(key, v));
        }
        return out;
    }
}
