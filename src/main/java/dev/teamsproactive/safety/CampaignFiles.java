package dev.teamsproactive.safety;

import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.ledger.CampaignIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the recipients file of a campaign already in the ledger (the resend command needs its columns for the
 * message). A campaign's id is made from its file's name and content, so a candidate is its file exactly when
 * it gives the same id: a given file, else where the drop folder or {@code send} leave it.
 */
public final class CampaignFiles {
    private CampaignFiles() {
    }

    /**
     * @param source   the campaign's source as the ledger has it ({@code inbox/<path>} or a file name)
     * @param given    the file named on the command line, or null
     * @param inbox    the drop folder
     */
    public static Path locate(String campaignId, String source, Path given, Path inbox) {
        if (given != null) {
            String id = idOf(given);
            if (!campaignId.equals(id)) {
                throw new RejectedInputException(given.toString(), "is not the file of campaign " + campaignId
                        + (id == null ? " (it cannot be read)" : " (it is the file of campaign " + id + ")"));
            }
            return given;
        }
        String inInbox = source.startsWith("inbox/") ? source.substring("inbox/".length()) : source;
        String name = Path.of(inInbox).getFileName().toString();
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(inbox.resolve(".done").resolve(name));
        candidates.add(inbox.resolve(inInbox));
        candidates.add(Path.of(source));
        for (Path candidate : candidates) {
            if (campaignId.equals(idOf(candidate))) {
                return candidate;
            }
        }
        throw new RejectedInputException(source, "the file of campaign " + campaignId + " is not in "
                + inbox.resolve(".done") + ", " + inbox + " or the current folder (any more): name it with --file");
    }

    private static String idOf(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return CampaignIds.forFile(file);
        } catch (IOException unreadable) {
            return null;
        }
    }
}
