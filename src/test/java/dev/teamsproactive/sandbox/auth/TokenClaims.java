package dev.teamsproactive.sandbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.teamsproactive.sandbox.SandboxTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads an access token's payload the way a curious client would: base64url-decoded JSON, signature unchecked. */
final class TokenClaims {
    private TokenClaims() {
    }

    static JsonNode of(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a JWS compact serialization: " + parts.length + " parts");
        }
        try {
            return SandboxTestClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
