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
 * message). A campaign's id is made from its file's name and content (and the template, when it is not the file's
 * own), so a candidate is its file exactly when it gives the same id: a given file, else where the drop folder or
 * {@code send} leave it.
 */
public final class CampaignFiles {
    private CampaignFiles() {
    }

    /**
     * @param source   the campaign's source as the ledger has it ({@code inbox/<path>} or a file name)
     * @param template the campaign's template as the ledger has it
     * @param given    the file named on the command line, or null
     * @param inbox    the drop folder
     */
    public static Path locate(String campaignId, String source, String template, Path given, Path inbox) {
        if (given != null) {
            String id = idOf(given);
            if (!isOf(campaignId, id, template)) {
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
            if (isOf(campaignId, idOf(candidate), template)) {
                return candidate;
            }
        }
        throw new RejectedInputException(source, "the file of campaign " + campaignId + " is not in "
                + inbox.resolve(".done") + ", " + inbox + " or the current folder (any more): name it with --file");
    }

    /** The file's id is the campaign's, alone or with the campaign's template. */
    private static boolean isOf(String campaignId, String fileId, String template) {
        return fileId != null && (campaignId.equals(fileId)
                || template != null && campaignId.equals(CampaignIds.withTemplate(fileId, template)));
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
