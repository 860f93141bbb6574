package dev.teamsproactive.cli;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.input.RejectedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.Exchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code send FILE}: one recipients or campaign file through the same routes as the drop folder. Prints the
 * campaign summary as the last line of standard output; exits 0 when the campaign ran to the end, 2 when the
 * file is rejected (nothing sent), 1 on any other failure.
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
        try (Application app = Application.start(target.toOptions(false))) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("campaignFile", file.toAbsolutePath().toString());
            properties.put("source", file.getFileName().toString());
            properties.put("template", template == null ? "" : template);
            properties.put("dryRun", dryRun);
            Exchange result = app.call("direct:campaign", properties);
            System.out.println(result.getMessage().getBody(String.class));
            return 0;
        } catch (RejectedInputException e) {
            System.err.println(e.getMessage());
            return REJECTED;
        } catch (Exception e) {
            System.err.println("The campaign failed: " + e.getMessage());
            return FAILED;
        }
    }
}
