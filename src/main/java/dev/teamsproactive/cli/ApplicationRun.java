package dev.teamsproactive.cli;

import dev.teamsproactive.app.Application;
import dev.teamsproactive.input.RejectedInputException;

/**
 * A command that starts the application, runs its work and stops it again (recall, update, resend): the work's exit
 * code, or 2 on a rejected input (its message said as it is), or 1 on any other failure ("The resend failed: …").
 */
final class ApplicationRun {
    /** What the command does with the started application; returns its exit code. */
    @FunctionalInterface
    interface Work {
        int run(Application app) throws Exception;
    }

    private ApplicationRun() {
    }

    static int run(TargetOptions target, String what, Work work) {
        try (Application app = Application.start(target.toOptions(false))) {
            return work.run(app);
        } catch (RejectedInputException e) {
            System.err.println(e.getMessage());
            return SendCommand.REJECTED;
        } catch (Exception e) {
            System.err.println("The " + what + " failed: " + e.getMessage());
            return SendCommand.FAILED;
        }
    }
}
