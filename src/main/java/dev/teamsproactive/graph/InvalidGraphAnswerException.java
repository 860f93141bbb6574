package dev.teamsproactive.graph;

/**
 * An id in a Graph answer does not have its documented shape ({@link GraphAnswers}); the message says which id
 * and never quotes it. The error policy (routes/error-policy.camel.yaml) fails the recipient with
 * {@link GraphAnswers#CODE}.
 */
public final class InvalidGraphAnswerException extends RuntimeException {
    public InvalidGraphAnswerException(String message) {
        super(message, null, false, false);
    }
}
