package dev.teamsproactive.cli;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.config.Settings;
import dev.teamsproactive.input.RejectedInputException;
import dev.teamsproactive.props.AudienceProps;
import dev.teamsproactive.props.Props;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.camel.Exchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code send FILE}: one recipients or campaign file through the same routes as the drop folder. Prints the
 * campaign summary as the last line of standard output; exits 0 when the campaign ran to the end, 2 when the
 * file is rejected (nothing sent), 1 on any other failure. While {@code run} holds the same ledger, the file is
 * handed to it instead ({@link HandOff}).
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send one recipients file (CSV, JSON or an Excel workbook) and print the campaign summary.")
final class SendCommand implements Callable<Integer> {
    static final int REJECTED = 2;
    static final int FAILED = 1;

    @Parameters(index = "0", paramLabel = "FILE", description = "Recipients CSV, JSON or .xlsx file.")
    Path file;

    @Option(names = "--template", paramLabel = "NAME", description = "Message template in config/messages/ (default: the file's own, else the default template).")
    String template;

    @Option(names = "--dry-run", description = "Resolve the audience and render every message, but install and send nothing; the summary says what would happen.")
    boolean dryRun;

    @Mixin
    TargetOptions target = new TargetOptions();

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            System.err.println(file + ": cannot read this file");
            return REJECTED;
        }
        Application.Options options = target.toOptions(false);
        try {
            Optional<HandOff> running = HandOff.find(Settings.load(target.configDir, System.getenv()));
            if (running.isPresent()) {
                return running.get().send(file, template, dryRun);
            }
        } catch (IOException e) {
            System.err.println("The campaign failed: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
        try (Application app = Application.start(options)) {
            app.startPreflightAhead();
            Map<String, Object> properties = new HashMap<>();
            properties.put(Props.CAMPAIGN_FILE, file.toAbsolutePath().toString());
            properties.put(Props.SOURCE, file.getFileName().toString());
            properties.put(Props.TEMPLATE, template == null ? "" : template);
            properties.put(AudienceProps.DRY_RUN, dryRun);
            // Like run's start: a token endpoint that cannot be reached is said at once, not retried for a minute.
            properties.put(Props.PREFLIGHT_AT_START, true);
            Exchange result = app.call("direct:campaign", properties);
            System.out.println(result.getMessage().getBody(String.class));
            return 0;
        } catch (RejectedInputException e) {
            System.err.println(e.getMessage());
            return REJECTED;
        } catch (IllegalArgumentException e) {
            // A setting that cannot work (a tenant setting missing, a folder that is not there): nothing started.
            System.err.println(e.getMessage());
            return FAILED;
        } catch (Exception e) {
            System.err.println(LedgerInUse.explain(e).orElse("The campaign failed: " + e.getMessage()));
            return FAILED;
        }
    }
}
