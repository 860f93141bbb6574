package dev.teamsproactive.app;

import dev.teamsproactive.config.Settings;
import dev.teamsproactive.config.Target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any setting naming a real tenant means the tenant: a missing piece (a forgotten secret) is an error naming it, never
 * a silent switch to the built-in sandbox; with no tenant setting at all the built-in sandbox is the target. The
 * description is what every command prints first.
 */
class TargetChoiceTest {
    private static final String TENANT = "11111111-2222-4333-8444-555555555555";
    private static final Map<String, String> TENANT_WITHOUT_SECRET = Map.of("TEAMS_TENANT_ID", TENANT,
            "TEAMS_CLIENT_ID", "aaaaaaaa-0000-4000-8000-000000000001", "TEAMS_APP_EXTERNAL_ID", "bbbbbbbb-0000-4000-8000-000000000002");

    @TempDir
    Path config;

    @Test
    void aForgottenSecretIsAnErrorNamingItNotTheSandbox() {
        assertThatThrownBy(() -> TargetResolver.resolve(Settings.load(config, TENANT_WITHOUT_SECRET),
                TargetResolver.Mode.AUTO, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TEAMS_CLIENT_SECRET")
                .hasMessageContaining("teams.tenant-id")
                .hasMessageNotContaining("TEAMS_TENANT_ID (");
    }

    @Test
    void aSecretAloneNamesEveryMissingPiece() {
        assertThatThrownBy(() -> TargetResolver.resolve(Settings.load(config, Map.of("TEAMS_CLIENT_SECRET", "s3cr3t-value")),
                TargetResolver.Mode.AUTO, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("teams.tenant-id (TEAMS_TENANT_ID)")
                .hasMessageContaining("teams.client-id (TEAMS_CLIENT_ID)")
                .hasMessageContaining("teams.app-external-id (TEAMS_APP_EXTERNAL_ID)")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void everyPieceSetIsTheTenantDescribedByIdAndCloud() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(TENANT_WITHOUT_SECRET);
        env.put("TEAMS_CLIENT_SECRET", "not-used");
        env.put("TEAMS_AUTHORITY_URL", "https://login.example.invalid");

        Target target = TargetResolver.resolve(Settings.load(config, env), TargetResolver.Mode.AUTO, null).target();

        assertThat(target.sandbox()).isFalse();
        assertThat(target.description()).isEqualTo("tenant " + TENANT + " (global cloud)");
        assertThat(target.authority()).as("teams.authority-url").isEqualTo("https://login.example.invalid");
    }

    @Test
    void noTenantSettingIsTheBuiltInSandbox() throws Exception {
        TargetResolver.Resolved resolved = TargetResolver.resolve(Settings.load(config, Map.of()), TargetResolver.Mode.AUTO,
                null);
        try {
            assertThat(resolved.target().sandbox()).isTrue();
            assertThat(resolved.target().description()).isEqualTo("built-in sandbox (" + resolved.sandbox().url() + ")");
        } finally {
            resolved.sandbox().close();
        }
    }
}
