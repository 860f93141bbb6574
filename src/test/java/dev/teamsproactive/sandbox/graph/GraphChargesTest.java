package dev.teamsproactive.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.teamsproactive.sandbox.graph.GraphCharges.IdentityCost;
import dev.teamsproactive.sandbox.limits.Limit;
import dev.teamsproactive.sandbox.limits.RateLimits.Charge;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The identity resource units Microsoft documents for Graph calls, and which bucket a tenant's size picks. */
class GraphChargesTest {
    @Test
    void membersCostThreeTransitiveMembersFiveSelectSavesOneExpandAddsOne() {
        assertThat(IdentityCost.MEMBERS.units(false, false)).isEqualTo(3);
        assertThat(IdentityCost.TRANSITIVE_MEMBERS.units(false, false)).isEqualTo(5);
        assertThat(IdentityCost.TRANSITIVE_MEMBERS.units(true, false)).isEqualTo(4);
        assertThat(IdentityCost.MEMBERS.units(false, true)).isEqualTo(4);
        assertThat(IdentityCost.GET_USER.units(true, false)).as("never below one").isEqualTo(1);
    }

    @Test
    void theIdentityBucketFollowsTheTenantsSizeAndEveryCallCountsGlobally() {
        List<Charge> small = new GraphCharges("T", 36).identity(IdentityCost.TRANSITIVE_MEMBERS, true, false, "app");
        assertThat(small).containsExactly(new Charge(Limit.IDENTITY_SMALL, "t", 4), Charge.of(Limit.GRAPH_GLOBAL, "app"));
        assertThat(new GraphCharges("T", 10_036).identity(IdentityCost.LIST_USERS, false, false, "app").get(0).limit())
                .isEqualTo(Limit.IDENTITY_LARGE);
    }
}
