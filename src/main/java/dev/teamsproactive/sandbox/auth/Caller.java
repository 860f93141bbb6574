package dev.teamsproactive.sandbox.auth;

import java.time.Instant;
import java.util.Set;

/** Who a valid bearer token says is calling. */
public record Caller(String appId, String tenantId, Audience audience, Set<String> roles, Instant expiresAt) {

    public boolean hasAnyRole(String... wanted) {
        for (String w : wanted) {
            if (roles.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
