package dev.teamsproactive.input;

/**
 * A whole input (a recipients file, a message template) is unusable: nothing of it may be sent.
 * The message names the file, the line when there is one, and the reason, so it can be shown
 * to the person who wrote the file as it is (on standard error, in {@code <name>.error.txt}).
 */
public class RejectedInputException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public RejectedInputException(String file, int line, String reason) {
        this(file, line, reason, null);
    }

    public RejectedInputException(String file, String reason) {
        this(file, 0, reason, null);
    }

    public RejectedInputException(String file, String reason, Throwable cause) {
        this(file, 0, reason, cause);
    }

    public RejectedInputException(String file, int line, String reason, Throwable cause) {
        super(format(file, line, reason), cause);
        this.file = file;
        this.line = Math.max(line, 0);
        this.reason = reason;
    }

    /** The file as the caller named it. */
    public String file() {
        return file;
    }

    /** The 1-based line the problem is on, or 0 when it is not about one line. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }

    /** Escaped ({@link LogText}): a file name or a reason quoting a file may hold CR/LF or bidi controls. */
    private static String format(String file, int line, String reason) {
        String shown = LogText.escape(file);
        return line > 0 ? shown + ": line " + line + ": " + LogText.escape(reason) : shown + ": " + LogText.escape(reason);
    }
}
