package dev.teamsproactive.observe;

import org.apache.camel.impl.health.AbstractHealthCheck;

/** A readiness check ({@code teams/<id>}), never a liveness one: the service stays alive while it cannot send. */
abstract class ReadinessCheck extends AbstractHealthCheck {
    ReadinessCheck(String id) {
        super("teams", id);
    }

    @Override
    public final boolean isLiveness() {
        return false;
    }
}
