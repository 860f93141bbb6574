package dev.teamsproactive.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The roles claim of an app-only token: read when there, none when absent, unknown when the token is not a JWT. */
class TokenRolesTest {
    @Test
    void theRolesClaimIsReadFromTheBearerToken() {
        String token = jwt("{\"aud\":\"https://graph.microsoft.com\",\"roles\":[\"User.Read.All\","
                + "\"TeamsAppInstallation.ReadWriteSelfForUser.All\"]}");

        assertThat(TokenRoles.of("Bearer " + token)).hasValueSatisfying(roles -> assertThat(roles)
                .containsExactly("User.Read.All", "TeamsAppInstallation.ReadWriteSelfForUser.All"));
        assertThat(Feature.INSTALL_FOR_USERS.allowedBy(TokenRoles.of(token).orElseThrow())).isTrue();
        assertThat(Feature.CATALOG_LOOKUP.allowedBy(TokenRoles.of(token).orElseThrow())).isFalse();
    }

    @Test
    void noRolesClaimMeansNothingIsGranted() {
        assertThat(TokenRoles.of("Bearer " + jwt("{\"aud\":\"x\"}"))).hasValueSatisfying(r -> assertThat(r).isEmpty());
    }

    @Test
    void aTokenThatIsNoReadableJwtLeavesTheRolesUnknown() {
        assertThat(TokenRoles.of("Bearer opaque-token")).isEmpty();
        assertThat(TokenRoles.of("Bearer a.%%%.c")).isEmpty();
        assertThat(TokenRoles.of("Bearer a." + b64("not json") + ".c")).isEmpty();
    }

    private static String jwt(String claims) {
        return b64("{\"alg\":\"HS256\"}") + "." + b64(claims) + ".c2ln";
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
