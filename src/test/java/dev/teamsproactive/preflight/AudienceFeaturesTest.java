package dev.teamsproactive.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A campaign whose audience lives in Graph is checked for the permission reading it needs, before anything runs. */
class AudienceFeaturesTest {
    @Test
    void eachGraphAudienceNeedsItsPermission() {
        assertThat(Feature.forAudience("group")).containsExactly(Feature.GROUP_MEMBERS);
        assertThat(Feature.forAudience("team")).containsExactly(Feature.TEAM_MEMBERS);
        assertThat(Feature.forAudience("allUsers")).containsExactly(Feature.ALL_USERS);
        assertThat(Feature.forAudience("channel")).containsExactlyInAnyOrder(Feature.INSTALL_FOR_TEAMS, Feature.CHANNELS_READ);
    }

    @Test
    void aFileOrListedUsersNeedNothingMore() {
        assertThat(Feature.forAudience(null)).isEmpty();
        assertThat(Feature.forAudience("file")).isEmpty();
        assertThat(Feature.forAudience("users")).isEmpty();
    }
}
