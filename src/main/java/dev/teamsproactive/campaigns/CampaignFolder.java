package dev.teamsproactive.campaigns;

import dev.teamsproactive.input.LogText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The campaign files of {@code config/campaigns/}: its .yaml and .yml files, each with its last change and size. */
final class CampaignFolder {
    /** The schedules' log lines keep one name. */
    private static final Logger LOG = LoggerFactory.getLogger(CampaignSchedules.class);

    private final Path folder;

    CampaignFolder(Path folder) {
        this.folder = folder;
    }

    /** The campaign files now, each with its last modification time; none when the folder does not exist. */
    Map<Path, FileTime> files() {
        Map<Path, FileTime> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(p);
            }).forEach(p -> {
                try {
                    files.put(p, Files.getLastModifiedTime(p));
                } catch (IOException goneMeanwhile) {
                    // Seen at the next reload, or never.
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot list the campaign folder {}: {}", folder, e.toString());
        }
        return files;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Escaped: a file's name goes into log lines and the status page's problems. */
    static String shown(Path file) {
        return "campaigns/" + LogText.escape(file.getFileName());
    }
}
