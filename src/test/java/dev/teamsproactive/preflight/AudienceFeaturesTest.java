package dev.teamsproactive.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A campaign whose audience lives in Graph is checked for the permission reading it needs, before anything runs. */
class AudienceFeaturesTest {
    @Test
    void eachGraphAudienceNeedsItsPermission() {
        assertThat(Preflight.forAudience("group")).containsExactly(Feature.GROUP_MEMBERS);
        assertThat(Preflight.forAudience("team")).containsExactly(Feature.TEAM_MEMBERS);
        assertThat(Preflight.forAudience("allUsers")).containsExactly(Feature.ALL_USERS);
        assertThat(Preflight.forAudience("channel")).containsExactlyInAnyOrder(Feature.INSTALL_FOR_TEAMS, Feature.CHANNELS_READ);
    }

    @Test
    void aFileOrListedUsersNeedNothingMore() {
        assertThat(Preflight.forAudience(null)).isEmpty();
        assertThat(Preflight.forAudience("file")).isEmpty();
        assertThat(Preflight.forAudience("users")).isEmpty();
    }
}
