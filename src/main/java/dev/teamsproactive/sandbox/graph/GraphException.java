package dev.teamsproactive.sandbox.graph;

/**
 * A Graph error answer raised from deep inside an endpoint; {@link GraphEndpoints} writes it in Graph's
 * error shape. Keeps the endpoints straight-line: look up, check, answer.
 */
final class GraphException extends RuntimeException {
    private final int status;
    private final String code;

    GraphException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static GraphException badRequest(String message) {
        return new GraphException(400, "BadRequest", message);
    }

    /** The directory's (users, groups) 404, word for word as Graph writes it. */
    static GraphException directoryNotFound(String id) {
        return new GraphException(404, "Request_ResourceNotFound", "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    static GraphException notFound(String message) {
        return new GraphException(404, "NotFound", message);
    }

    static GraphException conflict(String message) {
        return new GraphException(409, "Conflict", message);
    }
}
