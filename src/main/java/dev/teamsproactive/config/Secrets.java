package dev.teamsproactive.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Secret settings: read from the environment or a file, never from application.properties. */
public final class Secrets {
    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);

    private Secrets() {
    }

    /**
     * A secret from the environment ({@code TEAMS_CLIENT_SECRET}) or from the file named by {@code <key>-file};
     * never from application.properties, which may be committed. A file inside the config folder or a git
     * working tree is read, with a warning: it is one {@code git add} away from being committed.
     *
     * @throws IllegalArgumentException when the secret is written in application.properties, or its file cannot be read
     */
    public static Optional<String> read(Settings settings, String key) throws IOException {
        if (settings.fromFile(key)) {
            throw new IllegalArgumentException("The secret " + key + " must not be written in application.properties: set "
                    + Settings.environmentName(key) + " in the environment, or " + key
                    + "-file to a file outside the repository");
        }
        Optional<String> direct = settings.get(key);
        if (direct.isPresent()) {
            return direct;
        }
        Optional<String> file = settings.get(key + "-file");
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException(key + "-file names " + path.toAbsolutePath() + ", which cannot be read");
            }
            warnIfCommittable(settings, key, path);
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8).trim());
        }
        return Optional.empty();
    }

    private static void warnIfCommittable(Settings settings, String key, Path file) {
        Path real = file.toAbsolutePath().normalize();
        Path config = settings.configDir().toAbsolutePath().normalize();
        Path inside = real.startsWith(config) ? config : null;
        for (Path dir = real.getParent(); inside == null && dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                inside = dir;
            }
        }
        if (inside != null) {
            LOG.warn("{}-file names {}, inside {}: a file there is one 'git add' away from being committed with the"
                    + " configuration. Keep secrets outside it (e.g. /etc/teams-proactive/) or in the environment ({}).",
                    key, real, inside, Settings.environmentName(key));
        }
    }
}
