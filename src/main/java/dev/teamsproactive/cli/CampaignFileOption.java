package dev.teamsproactive.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --file}: the recipients file of a campaign already in the ledger, for the commands that read it again. */
final class CampaignFileOption {
    @Option(names = "--file", paramLabel = "FILE",
            description = "The campaign's recipients file (default: found in inbox/.done/, inbox/ or the current folder).")
    Path file;
}
