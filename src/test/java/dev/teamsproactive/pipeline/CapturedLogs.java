package dev.teamsproactive.pipeline;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/** Every log line of the JVM while attached (messages and stack traces) as text: to search a run's logs for what must never appear. */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final StringBuilder text = new StringBuilder();

    private CapturedLogs() {
    }

    /** Attached to the root logger until {@link #close()}. */
    static CapturedLogs attach() {
        CapturedLogs logs = new CapturedLogs();
        logs.start();
        root().addAppender(logs);
        return logs;
    }

    @Override
    protected void append(ILoggingEvent e) {
        synchronized (text) {
            text.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
    }

    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    @Override
    public void close() {
        root().detachAppender(this);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
