package dev.teamsproactive.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The next-page link Graph answers is followed only to Graph, and nothing in it is resolved as a placeholder. */
class AudiencePagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AudiencePages pages = new AudiencePages(null, "https://graph.example");

    @Test
    void aNextLinkToGraphIsFollowedAsWritten() throws Exception {
        String next = "https://graph.example/v1.0/users?$filter=accountEnabled%20eq%20true&$skiptoken=X%27abc";
        assertThat(pages.nextLink(JSON.readTree("{\"@odata.nextLink\":\"" + next + "\"}"))).isEqualTo(next);
        assertThat(pages.nextLink(JSON.readTree("{\"value\":[]}"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/v1.0/users?$skiptoken=1",
            "https://graph.example/v1.0/users?$skiptoken={{env:TEAMS_CLIENT_SECRET}}",
            "https://graph.example/v1.0/{{sys:user.home}}", "https://graph.example/v1.0/users/../../x",
            "https://graph.example/v1.0/users/%2e%2e/x", "http://graph.example/v1.0/users"})
    void aNextLinkElsewhereOrWithPlaceholdersOrDotsIsNotFollowed(String next) throws Exception {
        assertThatThrownBy(() -> pages.nextLink(JSON.readTree("{\"@odata.nextLink\":\"" + next + "\"}")))
                .isInstanceOf(IllegalStateException.class).message().doesNotContain("{{");
    }
}
