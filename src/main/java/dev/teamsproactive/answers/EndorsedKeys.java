package dev.teamsproactive.answers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import java.net.URL;

/**
 * The channel's signing keys that are endorsed for Teams: the Bot Framework's key set lists, per key, the channels
 * it may sign for ({@code endorsements}); a token signed by a key not endorsed for {@code msteams} is not Teams
 * speaking. nimbus-jose-jwt drops that non-standard member when it parses a key, so the set is filtered here, as it
 * is fetched; caching and the refetch on an unknown key id stay nimbus's ({@code JWKSourceBuilder} wraps this).
 */
final class EndorsedKeys implements JWKSetSource<SecurityContext> {
    static final String TEAMS_CHANNEL = "msteams";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URL jwksUrl;
    private final ResourceRetriever retriever;

    EndorsedKeys(URL jwksUrl, ResourceRetriever retriever) {
        this.jwksUrl = jwksUrl;
        this.retriever = retriever;
    }

    @Override
    public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime, SecurityContext context)
            throws KeySourceException {
        try {
            JsonNode all = JSON.readTree(retriever.retrieveResource(jwksUrl).getContent());
            ObjectNode endorsed = JSON.createObjectNode();
            ArrayNode keys = endorsed.putArray("keys");
            for (JsonNode key : all.path("keys")) {
                for (JsonNode channel : key.path("endorsements")) {
                    if (TEAMS_CHANNEL.equals(channel.asText())) {
                        keys.add(key);
                        break;
                    }
                }
            }
            return JWKSet.parse(endorsed.toString());
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new KeySourceException("The channel's signing keys at " + jwksUrl + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
    }
}
