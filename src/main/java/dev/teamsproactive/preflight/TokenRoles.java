package dev.teamsproactive.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The application permissions granted to the app, as the {@code roles} claim of an app-only access token
 * carries them. Only the claims are decoded (the signature is the resource's business); the token itself is
 * never logged.
 */
final class TokenRoles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenRoles() {
    }

    /**
     * @param authorization "Bearer …" or the bare token
     * @return the granted roles (empty when the claim is absent: nothing granted), or empty when the token is
     *         not a readable JWT (then the roles cannot be checked)
     */
    static Optional<Set<String>> of(String authorization) {
        String token = authorization.startsWith("Bearer ") ? authorization.substring(7) : authorization;
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            Set<String> roles = new LinkedHashSet<>();
            claims.path("roles").forEach(r -> roles.add(r.asText()));
            return Optional.of(roles);
        } catch (IllegalArgumentException | java.io.IOException unreadable) {
            return Optional.empty();
        }
    }
}
