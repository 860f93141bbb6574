package dev.teamsproactive.app;

import dev.teamsproactive.auth.Credentials;
import dev.teamsproactive.auth.TokenProvider;
import dev.teamsproactive.config.Target;

/**
 * The two token sources of a target: Graph (the app registration, in the customer's tenant) and the Bot
 * Connector (the bot's registration, in its own tenant). Authority and scopes follow the target's cloud.
 */
final class TokenProviders {
    private TokenProviders() {
    }

    static TokenProvider graph(Target target) {
        Target.Credentials c = target.credentials();
        return new TokenProvider(target.authority(), c.tenantId(), c.clientId(),
                Credentials.of(c.clientSecret(), c.certificate(), c.certificatePassword()), target.graphScope(),
                target.trust(), target.sandbox());
    }

    static TokenProvider bot(Target target) {
        Target.Credentials c = target.credentials();
        // The bot uses the certificate only when it is the same registration as the Graph app.
        boolean sameApp = c.botAppId().equals(c.clientId());
        return new TokenProvider(target.authority(), c.botTenantId(), c.botAppId(),
                Credentials.of(c.botClientSecret(), sameApp ? c.certificate() : null, c.certificatePassword()),
                target.botScope(), target.trust(), target.sandbox());
    }
}
