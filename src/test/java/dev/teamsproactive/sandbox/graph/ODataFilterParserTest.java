package dev.teamsproactive.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ODataFilterParserTest {
    private static final Map<String, String> USER = UserShape.FILTERABLE;

    private static boolean matches(String filter, Map<String, Object> values) {
        return ODataFilterParser.parse(filter).bind(USER, UserShape.TYPE).test(values::get);
    }

    private static Map<String, Object> user(String upn, String mail, boolean enabled, String type) {
        Map<String, Object> m = new HashMap<>();
        m.put("userPrincipalName", upn);
        m.put("mail", mail);
        m.put("accountEnabled", enabled);
        m.put("userType", type);
        return m;
    }

    @Test
    void doubledQuoteInALiteralIsOneQuote() {
        assertThat(matches("userPrincipalName eq 'o''brien@contoso.example'",
                user("o'brien@contoso.example", null, true, "Member"))).isTrue();
    }

    @Test
    void stringsCompareCaseInsensitivelyAsInTheDirectory() {
        assertThat(matches("mail eq 'Marie.Keller@CONTOSO.example'",
                user("mkeller@contoso.example", "marie.keller@contoso.example", true, "Member"))).isTrue();
    }

    @Test
    void andOrNotAndParenthesesCombine() {
        Map<String, Object> guest = user("g@x", "g@x", true, "Guest");
        Map<String, Object> member = user("m@x", "m@x", true, "Member");
        Map<String, Object> disabled = user("d@x", "d@x", false, "Member");
        String audience = "accountEnabled eq true and userType eq 'Member'";
        assertThat(matches(audience, member)).isTrue();
        assertThat(matches(audience, guest)).isFalse();
        assertThat(matches(audience, disabled)).isFalse();
        assertThat(matches("(userType eq 'Guest' or accountEnabled eq false) and not (mail eq 'g@x')", disabled)).isTrue();
        assertThat(matches("userType ne 'Member'", guest)).isTrue();
        assertThat(matches("startswith(userPrincipalName,'M')", member)).isTrue();
    }

    @Test
    void anyOverProxyAddressesMatchesWhenOneElementDoesCaseInsensitively() {
        Map<String, Object> lin = user("lin.wei@contoso.example", "lin@contoso.example", true, "Member");
        lin.put("proxyAddresses", java.util.List.of("SMTP:lin@contoso.example", "smtp:l.wei@contoso.example"));
        assertThat(matches("proxyAddresses/any(x:x eq 'smtp:l.wei@contoso.example')", lin)).isTrue();
        assertThat(matches("proxyAddresses/any(x:x eq 'smtp:LIN@contoso.example')", lin)).isTrue();
        assertThat(matches("proxyAddresses/any(a: a eq 'smtp:other@contoso.example')", lin)).isFalse();
        assertThat(matches("proxyAddresses/any(x:startswith(x,'smtp:l.'))", lin)).isTrue();
        assertThat(matches("proxyAddresses/any(x:x eq 'smtp:l.wei@contoso.example')",
                user("a@x", "a@x", true, "Member"))).as("no proxy addresses").isFalse();
        ODataFilter f = ODataFilterParser.parse("proxyAddresses/any(x:x eq 'smtp:l.wei@contoso.example')")
                .bind(USER, UserShape.TYPE);
        assertThat(((ODataFilter.Any) f).requiredElement()).contains("smtp:l.wei@contoso.example");
    }

    @Test
    void anyNeedsALambdaOverAKnownProperty() {
        assertThatThrownBy(() -> matches("proxyAddresses/any(x:y eq 'a')", Map.of()))
                .isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> matches("nickNames/any(x:x eq 'a')", Map.of())).isInstanceOf(GraphException.class);
        assertThatThrownBy(() -> matches("proxyAddresses/any(x x eq 'a')", Map.of())).isInstanceOf(GraphException.class);
    }

    @Test
    void nullLiteralMatchesAMissingValue() {
        assertThat(matches("mail eq null", user("a@x", null, true, "Member"))).isTrue();
        assertThat(matches("mail ne null", user("a@x", null, true, "Member"))).isFalse();
    }

    @Test
    void aTopLevelEqualityIsFoundForIndexLookups() {
        ODataFilter f = ODataFilterParser.parse("accountEnabled eq true and mail eq 'a@x'").bind(USER, UserShape.TYPE);
        assertThat(f.requiredEquality("mail")).contains("a@x");
        assertThat(ODataFilterParser.parse("mail eq 'a@x' or mail eq 'b@x'").bind(USER, UserShape.TYPE)
                .requiredEquality("mail")).isEmpty();
    }

    @Test
    void aTypeCastPrefixIsAccepted() {
        ODataFilter f = ODataFilterParser.parse("(microsoft.graph.aadUserConversationMember/userId eq 'u1')")
                .bind(TeamShapes.MEMBER_FILTERABLE, TeamShapes.MEMBER_TYPE);
        assertThat(f.test(Map.<String, Object>of("userId", "U1")::get)).isTrue();
    }

    @Test
    void malformedFiltersAreBadRequests() {
        for (String bad : new String[] {"mail eq 'unterminated", "mail eq", "mail 'x'", "eq 'x'", "(mail eq 'x'",
                "mail eq 'x' and", "mail eq 'x' extra", "mail gt 'x'", "contains(mail,'x')", "mail eq #"}) {
            assertThatThrownBy(() -> ODataFilterParser.parse(bad), bad)
                    .isInstanceOfSatisfying(GraphException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("BadRequest");
                    });
        }
    }

    @Test
    void anUnknownPropertyIsABadRequestNamingTheType() {
        assertThatThrownBy(() -> ODataFilterParser.parse("shoeSize eq 'x'").bind(USER, UserShape.TYPE))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.getMessage())
                        .contains("'shoeSize'").contains("microsoft.graph.user"));
    }
}
