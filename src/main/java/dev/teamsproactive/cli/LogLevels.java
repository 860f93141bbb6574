package dev.teamsproactive.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.teamsproactive.observe.ProgressLog;
import org.slf4j.LoggerFactory;

/**
 * A one-off command ({@code send}, {@code update}, {@code recall}, {@code resend}) shows its progress and its
 * problems; Camel's start-up and shutdown chatter (about ninety lines) only with {@code --verbose}. {@code run}
 * keeps the full log: it is a service, and its log is read later.
 */
final class LogLevels {
    private LogLevels() {
    }

    static void quietUnless(boolean verbose) {
        if (verbose || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        // Set at INFO in logback.xml, so it would not follow the root.
        context.getLogger("org.apache.camel").setLevel(Level.WARN);
        context.getLogger(ProgressLog.class).setLevel(Level.INFO);
    }
}
