package dev.teamsproactive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/teams-proactive.jar [run|send FILE|sandbox] …} (interfaces.md section 2). */
@Command(name = "teams-proactive", mixinStandardHelpOptions = true,
        description = "Proactive Microsoft Teams messages, as Apache Camel routes.",
        subcommands = {SandboxCommand.class, BenchSandboxCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "The run command is not built yet");
    }
}
