package dev.teamsproactive.resilience;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/** The failure an error rule's {@code onWhen} is asked about, and the causes it wraps, for the rules' predicates. */
public final class Failures {
    private Failures() {
    }

    /** The exchange's failure: still on it (inside a rule's onWhen), or caught by the rule that handles it. */
    public static Throwable of(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /** The failure and its causes, outermost first (a cause that is its own cause ends the chain). */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** Whether the failure or one of its causes is a {@code kind}, as an error rule naming that class would see it. */
    public static boolean isOrWraps(Throwable failure, Class<? extends Throwable> kind) {
        return chain(failure).stream().anyMatch(kind::isInstance);
    }
}
