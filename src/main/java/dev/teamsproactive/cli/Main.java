package dev.teamsproactive.cli;

import dev.teamsproactive.bench.HeapPeak;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code java -jar target/teams-proactive.jar [run|send FILE|sandbox] …}. */
@Command(name = "teams-proactive", mixinStandardHelpOptions = true,
        description = "Proactive Microsoft Teams messages, as Apache Camel routes. Without a command: run.",
        subcommands = {RunCommand.class, SendCommand.class, SandboxCommand.class, BenchSandboxCommand.class,
                RecallCommand.class, UpdateCommand.class, StatusCommand.class, ResendCommand.class, BenchCommand.class,
                ManifestCommand.class, RemindCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    @Mixin
    TargetOptions target = new TargetOptions();

    public static void main(String[] args) {
        HeapPeak.printAtExitIfAsked();
        System.exit(new CommandLine(new Main()).setExecutionExceptionHandler(Main::settingsProblem).execute(args));
    }

    /**
     * A setting or option that cannot work (a missing tenant setting, a folder that is not there), or a ledger another
     * process holds: its message, exit 1, no stack trace.
     */
    private static int settingsProblem(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof IllegalArgumentException) {
            commandLine.getErr().println(e.getMessage());
            return 1;
        }
        java.util.Optional<String> ledgerInUse = LedgerInUse.explain(e);
        if (ledgerInUse.isPresent()) {
            commandLine.getErr().println(ledgerInUse.get());
            return 1;
        }
        throw e;
    }

    /** No command given: {@code run}, with the same options. */
    @Override
    public Integer call() throws Exception {
        RunCommand run = new RunCommand();
        run.target = target;
        return run.call();
    }
}
