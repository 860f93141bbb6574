package dev.teamsproactive.resilience;

import dev.teamsproactive.props.Props;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * A call inside a {@code circuitBreaker} step fails with the same exception as any other call. Camel's resilience4j
 * processor hands a checked exception (an HTTP error answer, a broken connection) back wrapped in a
 * RuntimeCamelException; this puts the original back, so the error policy's rules ({@code ${exception.statusCode}},
 * the service's error code in the outcome) read it as usual. It also notes the route whose step failed, for the
 * failure log ({@link Props#FAILED_IN_ROUTE}). Applies to circuitBreaker steps, and to {@code to: kamelet:} steps: a
 * call made through a kamelet (kamelets/graph-call) runs in the kamelet's own route, so the route that made the call
 * is noted for its duration ({@link Props#CALLING_ROUTE}) and named instead (see {@link #stepOf}).
 */
public final class BreakerExceptions implements InterceptStrategy {

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        if (definition instanceof ToDefinition to && to.getUri() != null && to.getUri().startsWith("kamelet:")) {
            return notingCaller(target);
        }
        if (!(definition instanceof CircuitBreakerDefinition)) {
            return target;
        }
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                UnitOfWork uow = exchange.getUnitOfWork();
                Route route = uow == null ? null : uow.getRoute(); // the route this step runs in
                return processor.process(exchange, doneSync -> {
                    unwrap(exchange);
                    if (exchange.getException() != null && route != null) {
                        exchange.setProperty(Props.FAILED_IN_ROUTE, stepOf(exchange, route));
                    } else {
                        exchange.removeProperty(Props.FAILED_IN_ROUTE);
                    }
                    callback.done(doneSync);
                });
            }
        };
    }

    /** The step a failure is told under: the route it happened in, or for a kamelet's route the route that called it. */
    public static String stepOf(Exchange exchange, Route route) {
        if (route == null) {
            return null;
        }
        String caller = route.isCreatedByKamelet() ? exchange.getProperty(Props.CALLING_ROUTE, String.class) : null;
        return caller != null ? caller : route.getRouteId();
    }

    private static Processor notingCaller(Processor target) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                UnitOfWork uow = exchange.getUnitOfWork();
                Route route = uow == null ? null : uow.getRoute(); // the calling route
                Object before = exchange.getProperty(Props.CALLING_ROUTE);
                if (route != null) {
                    exchange.setProperty(Props.CALLING_ROUTE, stepOf(exchange, route));
                }
                return processor.process(exchange, doneSync -> {
                    if (before == null) {
                        exchange.removeProperty(Props.CALLING_ROUTE);
                    } else {
                        exchange.setProperty(Props.CALLING_ROUTE, before);
                    }
                    callback.done(doneSync);
                });
            }
        };
    }

    static void unwrap(Exchange exchange) {
        Exception e = exchange.getException();
        if (e != null && e.getClass() == RuntimeCamelException.class && e.getCause() instanceof Exception cause) {
            exchange.setException(cause);
        }
    }
}
