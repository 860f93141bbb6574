package dev.teamsproactive.cli;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.preflight.PreflightFailedException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run} (the default): every route, until stopped; SIGTERM stops it gracefully. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the service: the drop folder, schedules, and every route, until stopped.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target = new TargetOptions();

    @Override
    public Integer call() throws Exception {
        Application app = Application.start(target.toOptions(true));
        try {
            app.preflight();
        } catch (PreflightFailedException e) {
            // Nothing starts on a tenant that is not set up: say what is missing and stop.
            System.err.println(e.getMessage());
            app.close();
            return 1;
        }
        // The one line to wait for: what is watched, where to look, and where messages go.
        System.out.println("Ready: inbox " + app.inbox().toAbsolutePath() + ", status "
                + (app.statusUrl() == null ? "page off (teams.http.enabled=false)" : app.statusUrl()) + ", target "
                + app.target().description());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Camel's graceful shutdown lets in-flight exchanges finish (bounded by its timeout).
            app.close();
            stopped.countDown();
        }, "teams-proactive-stop"));
        stopped.await();
        return 0;
    }
}
