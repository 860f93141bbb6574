package dev.teamsproactive.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.teamsproactive.sandbox.SandboxOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recipients as people write them, through the real routes: a value is resolved by what it is (an object id, a
 * UPN, a mail address, an alias, a guest's #EXT# UPN) whatever its column, the same person written two ways is
 * sent once, and the report says how each was matched. Also what Graph answers is never trusted blindly: an
 * id of the wrong shape fails its recipient and goes into no URL, and no {{placeholder}} in it is resolved.
 */
class RecipientResolutionTest {
    private static final String ADA = TenantSeeds.ADA;
    private static final String GRACE = TenantSeeds.GRACE;
    private static final String LIN = "6f1c2b7e-3a4d-4e5f-9a8b-7c6d5e4f3a21";
    /** The default tenant's guest (config/sandbox/tenant.json). */
    private static final String GINA = "9d125f9d-be02-5d8b-b555-9dc5f07b6cd3";
    private static final String GINA_GUEST_UPN = "gina_fabrikam.example#EXT#@contoso.example";
    @TempDir
    Path work;

    @Test
    void idsUpnsMailAddressesAliasesAndAGuestInOneColumnAreEachResolvedAndDuplicatesAreSentOnce() throws Exception {
        Path seed = TenantSeeds.changed(work, tenant -> {
            ArrayNode users = (ArrayNode) tenant.get("users");
            // Lin's UPN is not her mail, and she has an alias. (Gina, a guest from another tenant, is seeded already.)
            user(users, LIN, "lin.wei@contoso.example", "lin@contoso.example", "SMTP:lin@contoso.example",
                    "smtp:l.wei@contoso.example");
        });
        String file = String.join("\n",
                "userPrincipalName,name",
                "ada@contoso.example,Ada by UPN",
                GRACE + ",Grace by object id",
                "lin@contoso.example,Lin by mail",
                GINA_GUEST_UPN + ",Gina by her guest UPN",
                ADA.toUpperCase() + ",Ada by object id",
                "l.wei@contoso.example,Lin by alias",
                "gina@fabrikam.example,Gina by mail",
                "lin.wei@contoso.example,Lin by UPN",
                "nobody@contoso.example,Nobody",
                "");
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSeed(seed))) {
            JsonNode summary = fixture.sendOk(Files.writeString(work.resolve("people.csv"), file, StandardCharsets.UTF_8));

            List<CSVRecord> rows = fixture.deliveriesCsv(summary.get("campaignId").asText());
            assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("recipient", "userId", "status", "code",
                    "detail", "conversationId", "activityId", "attempts", "updatedAt", "resolvedBy", "readAt");
            Map<String, CSVRecord> byRecipient = rows.stream().collect(Collectors.toMap(r -> r.get("recipient"), r -> r));
            assertThat(byRecipient).hasSize(9);
            assertResolved(byRecipient, "ada@contoso.example", ADA, "upn");
            assertResolved(byRecipient, ADA.toUpperCase(), ADA, "id");
            assertResolved(byRecipient, GRACE, GRACE, "id");
            assertResolved(byRecipient, "lin@contoso.example", LIN, "mail");
            assertResolved(byRecipient, "l.wei@contoso.example", LIN, "proxyAddress");
            assertResolved(byRecipient, "lin.wei@contoso.example", LIN, "upn");
            assertResolved(byRecipient, GINA_GUEST_UPN, GINA, "upn");
            assertResolved(byRecipient, "gina@fabrikam.example", GINA, "mail");
            CSVRecord nobody = byRecipient.get("nobody@contoso.example");
            assertThat(nobody.get("status")).isEqualTo("FAILED");
            assertThat(nobody.get("code")).isEqualTo("UserNotFound");
            assertThat(nobody.get("resolvedBy")).isEmpty();
            // Each person is sent once, whichever of their rows came first; the others are their duplicates.
            for (String user : List.of(ADA, GRACE, LIN, GINA)) {
                List<CSVRecord> theirs = rows.stream().filter(r -> r.get("userId").equals(user)).toList();
                assertThat(theirs).filteredOn(r -> r.get("status").equals("SENT")).as("rows of %s", user).hasSize(1);
                assertThat(theirs).filteredOn(r -> !r.get("status").equals("SENT")).allSatisfy(r -> {
                    assertThat(r.get("status")).isEqualTo("SKIPPED");
                    assertThat(r.get("code")).isEqualTo("DuplicateRecipient");
                });
            }
            assertThat(summary.get("sent").asInt()).as("summary %s", summary).isEqualTo(4);
            assertThat(summary.get("skipped").asInt()).isEqualTo(4);
            assertThat(fixture.sandboxDeliveries().findValuesAsText("userId")).containsExactlyInAnyOrder(ADA, GRACE, LIN, GINA);
            // The guest's '#' went to Graph percent-encoded, inside the path.
            assertThat(fixture.sandboxRequests().findValuesAsText("path"))
                    .contains("/v1.0/users/gina_fabrikam.example%23EXT%23@contoso.example");
        }
    }

    @Test
    void mailAddressesWithPlusAmpersandOrQuerySyntaxAreLookedUpAsWritten() throws Exception {
        // Their UPNs differ from their mail addresses, so each is found by the mail lookup, whose query holds them.
        String plus = "plus+news@contoso.example";
        String ampersand = "r&d@contoso.example";
        String querySyntax = "x@y&$select=displayName";
        String plusId = "a1b2c3d4-0001-4a5b-8c9d-0e1f2a3b4c5d";
        String ampersandId = "a1b2c3d4-0002-4a5b-8c9d-0e1f2a3b4c5d";
        String querySyntaxId = "a1b2c3d4-0003-4a5b-8c9d-0e1f2a3b4c5d";
        Path seed = TenantSeeds.changed(work, tenant -> {
            ArrayNode users = (ArrayNode) tenant.get("users");
            user(users, plusId, "plus.news@contoso.example", plus);
            user(users, ampersandId, "research@contoso.example", ampersand);
            user(users, querySyntaxId, "xy@contoso.example", querySyntax);
            // Someone the broken query would find instead: "plus news@…" if + were read as a space.
            user(users, "a1b2c3d4-0004-4a5b-8c9d-0e1f2a3b4c5d", "plus.space@contoso.example", "plus news@contoso.example");
        });
        String file = String.join("\n", "mail,name", plus + ",Plus", "\"" + ampersand + "\",R and D",
                "\"" + querySyntax + "\",Query", "");
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSeed(seed))) {
            JsonNode summary = fixture.sendOk(Files.writeString(work.resolve("mail.csv"), file, StandardCharsets.UTF_8));

            Map<String, CSVRecord> byRecipient = fixture.deliveriesCsv(summary.get("campaignId").asText()).stream()
                    .collect(Collectors.toMap(r -> r.get("recipient"), r -> r));
            assertResolved(byRecipient, plus, plusId, "mail");
            assertResolved(byRecipient, ampersand, ampersandId, "mail");
            assertResolved(byRecipient, querySyntax, querySyntaxId, "mail");
            assertThat(summary.get("sent").asInt()).as("summary %s", summary).isEqualTo(3);
            // No lookup asked Graph for more than the id: the value never added a query option.
            for (JsonNode request : fixture.sandboxRequests()) {
                if (request.path("path").asText().equals("/v1.0/users")) {
                    assertThat(request.path("query").asText()).doesNotContain("$select=displayName");
                }
            }
        }
    }

    @Test
    void anIdGraphAnswersWithTheWrongShapeFailsItsRecipientAndNoPlaceholderInItIsResolved() throws Exception {
        String markerProperty = "teamsProactiveTestMarker";
        String marker = "marker-" + UUID.randomUUID();
        String placeholderId = "{{sys:" + markerProperty + "}}";
        // As if a proxy replaced Graph's answers to these lookups: ids that are no object ids.
        Path seed = TenantSeeds.changed(work, tenant -> {
            ArrayNode users = (ArrayNode) tenant.get("users");
            user(users, placeholderId, "mallory@contoso.example", "mallory@contoso.example");
            user(users, "../../groups/x", "trudy@contoso.example", "trudy@contoso.example");
            user(users, "${sys:" + markerProperty + "}", "eve@contoso.example", "eve@contoso.example");
        });
        CapturedLogs logs = CapturedLogs.attach();
        System.setProperty(markerProperty, marker);
        String file = "upn,name\nmallory@contoso.example,Mallory\ntrudy@contoso.example,Trudy\neve@contoso.example,Eve\n"
                + "ada@contoso.example,Ada\n";
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSeed(seed))) {
            JsonNode summary = fixture.sendOk(Files.writeString(work.resolve("crafted.csv"), file, StandardCharsets.UTF_8));

            Map<String, CSVRecord> byRecipient = fixture.deliveriesCsv(summary.get("campaignId").asText()).stream()
                    .collect(Collectors.toMap(r -> r.get("recipient"), r -> r));
            for (String crafted : List.of("mallory@contoso.example", "trudy@contoso.example", "eve@contoso.example")) {
                CSVRecord row = byRecipient.get(crafted);
                assertThat(row.get("status")).as("row %s", row).isEqualTo("FAILED");
                assertThat(row.get("code")).isEqualTo("InvalidGraphAnswer");
                assertThat(row.get("userId")).isEmpty();
            }
            assertThat(byRecipient.get("ada@contoso.example").get("status")).isEqualTo("SENT");
            // Nothing was installed or sent for them: Ada's install and message are the only ones.
            List<String> installs = new java.util.ArrayList<>();
            for (JsonNode request : fixture.sandboxRequests()) {
                if (request.path("method").asText().equals("POST") && request.path("path").asText().endsWith("/installedApps")) {
                    installs.add(request.path("path").asText());
                }
            }
            assertThat(installs).containsExactly("/v1.0/users/" + ADA + "/teamwork/installedApps");
            assertThat(fixture.sandboxDeliveries().findValuesAsText("userId")).containsExactly(ADA);
            for (JsonNode request : fixture.sandboxRequests()) {
                String path = request.path("path").asText();
                assertThat(path).as("a request's path").doesNotContain("..").doesNotContain("groups")
                        .doesNotContain("{").doesNotContain("$").doesNotContainIgnoringCase("%7B").doesNotContain(marker);
                assertThat(request.path("query").asText()).doesNotContain(marker);
            }
        } finally {
            System.clearProperty(markerProperty);
            logs.close();
        }
        String reports;
        try (Stream<Path> files = Files.walk(work.resolve("reports"))) {
            reports = files.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        assertThat(reports).contains("InvalidGraphAnswer").doesNotContain(marker);
        assertThat(logs.text()).contains("InvalidGraphAnswer").doesNotContain(marker);
    }

    @Test
    void aChatIdGraphAnswersWithTheWrongShapeFailsItsRecipientAndNothingIsSent() throws Exception {
        String markerProperty = "teamsProactiveTestChatMarker";
        String marker = "marker-" + UUID.randomUUID();
        // The sandbox names a user's chat 19:<user id>_<bot app id>@unq.gbl.spaces: this bot app id makes Graph's
        // chat lookup answer 19:…_x/../{{sys:…}}@unq.gbl.spaces, as a replaced answer could.
        Path seed = TenantSeeds.changed(work, tenant -> ((ObjectNode) tenant.get("app"))
                .put("botAppId", "x/../{{sys:" + markerProperty + "}}"));
        System.setProperty(markerProperty, marker);
        try (PipelineFixture fixture = PipelineFixture.start(work, SandboxOptions.defaults().withSeed(seed))) {
            JsonNode summary = fixture.sendOk(Files.writeString(work.resolve("chat.csv"), "id,name\n" + ADA + ",Ada\n",
                    StandardCharsets.UTF_8));

            CSVRecord row = fixture.deliveriesCsv(summary.get("campaignId").asText()).get(0);
            assertThat(row.get("status")).as("row %s", row).isEqualTo("FAILED");
            assertThat(row.get("code")).isEqualTo("InvalidGraphAnswer");
            assertThat(row.get("conversationId")).isEmpty();
            assertThat(fixture.sandboxDeliveries()).isEmpty();
            assertThat(fixture.sandboxRequests().findValuesAsText("path")).noneMatch(p -> p.startsWith("/v3/"))
                    .noneMatch(p -> p.contains(marker));
            assertThat(Files.readString(fixture.reports.resolve(summary.get("campaignId").asText())
                    .resolve("deliveries.csv"))).doesNotContain(marker);
        } finally {
            System.clearProperty(markerProperty);
        }
    }

    private static void assertResolved(Map<String, CSVRecord> rows, String recipient, String userId, String resolvedBy) {
        CSVRecord row = rows.get(recipient);
        assertThat(row).as("the row of %s", recipient).isNotNull();
        assertThat(row.get("userId")).as("the user of %s", recipient).isEqualTo(userId);
        assertThat(row.get("resolvedBy")).as("how %s was matched", recipient).isEqualTo(resolvedBy);
        assertThat(row.get("status")).as("row %s", row).isIn("SENT", "SKIPPED");
    }

    private static void user(ArrayNode users, String id, String upn, String mail, String... proxyAddresses) {
        ObjectNode user = users.addObject().put("id", id).put("userPrincipalName", upn).put("mail", mail)
                .put("displayName", upn).put("installed", false).put("behavior", "normal");
        if (proxyAddresses.length > 0) {
            ArrayNode addresses = user.putArray("proxyAddresses");
            for (String address : proxyAddresses) {
                addresses.add(address);
            }
        }
    }
}
