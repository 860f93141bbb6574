package dev.teamsproactive.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the routes rely on from the ledger, run against every database it supports: each subclass
 * hands out fresh, empty databases.
 */
abstract class LedgerContractTest {
    private static final String CAMPAIGN = "q3-update-0123456789ab";

    private String jdbcUrl;
    private Ledger ledger;

    /** A JDBC URL of a new, empty database. */
    protected abstract String newJdbcUrl();

    @BeforeEach
    void openLedger() {
        jdbcUrl = newJdbcUrl();
        ledger = Ledger.open(jdbcUrl, null, null);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    @Test
    void reopeningTheSameDatabaseKeepsDataAndAppliesTheSchemaOnce() throws Exception {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 2);
        ledger.claimRow(CAMPAIGN, 1, "ada@contoso.example");
        ledger.close();

        ledger = Ledger.open(jdbcUrl, null, null);
        ledger.close();
        ledger = Ledger.open(jdbcUrl, null, null);

        assertThat(ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 2).isNew()).isFalse();
        assertThat(ledger.claimRow(CAMPAIGN, 1, "ada@contoso.example").result())
                .isEqualTo(RowClaim.Result.PENDING_EXISTS);
        try (Connection c = ledger.dataSource().getConnection(); Statement s = c.createStatement();
                // Flyway names its history table and columns in quoted lower case on both databases.
                ResultSet rows = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> applied = new ArrayList<>();
            while (rows.next()) {
                applied.add(rows.getString(1) + ":" + rows.getBoolean(2));
            }
            // Each migration applied once and successfully, in order.
            assertThat(applied).startsWith("1:true", "2:true").doesNotHaveDuplicates().allMatch(a -> a.endsWith(":true"));
        }
    }

    @Test
    void registeringTellsNewFromKnownAndGivesTheCounts() {
        CampaignRegistration first = ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 3);

        assertThat(first.isNew()).isTrue();
        assertThat(first.campaign().status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(first.campaign().startedAt()).isNotNull();
        assertThat(first.campaign().finishedAt()).isNull();
        assertThat(first.progress()).isEqualTo(new Progress(3, 0, 0, 0, 0, 0, 3));

        ledger.claimRow(CAMPAIGN, 1, "ada@contoso.example");
        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 1, "ada@contoso.example", "u-ada", "19:a", "1:a", 1));
        CampaignRegistration again = ledger.registerCampaign(CAMPAIGN, "other-name.csv", "other", 99);

        assertThat(again.isNew()).isFalse();
        assertThat(again.campaign()).isEqualTo(first.campaign());
        assertThat(again.progress()).isEqualTo(new Progress(3, 1, 1, 0, 0, 0, 2));
    }

    @Test
    void campaignIdsThatAreNotSafeFolderNamesAreRefused() {
        assertThatThrownBy(() -> ledger.registerCampaign("../etc", "x.csv", "t", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameFileTwiceClaimsNothingThatAlreadyHasAFinalStatus() {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 4);
        for (int line = 1; line <= 4; line++) {
            assertThat(ledger.claimRow(CAMPAIGN, line, "r" + line))
                    .isEqualTo(new RowClaim(RowClaim.Result.NEW, DeliveryStatus.PENDING));
        }
        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 1, "r1", "u1", "19:c1", "1:a1", 1));
        ledger.recordOutcome(Outcome.notSent(CAMPAIGN, 2, "r2", "u2", DeliveryStatus.FAILED,
                "ConversationBlockedByUser", "blocked", 1));
        ledger.recordOutcome(Outcome.notSent(CAMPAIGN, 3, "r3", null, DeliveryStatus.SKIPPED, "UserNotFound", null, 0));

        RowClaim sent = ledger.claimRow(CAMPAIGN, 1, "r1");
        assertThat(sent.result()).isEqualTo(RowClaim.Result.ALREADY_FINAL);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.claimed()).isFalse();
        assertThat(ledger.claimRow(CAMPAIGN, 2, "r2").result()).isEqualTo(RowClaim.Result.ALREADY_FINAL);
        assertThat(ledger.claimRow(CAMPAIGN, 3, "r3").result()).isEqualTo(RowClaim.Result.ALREADY_FINAL);
        RowClaim leftPending = ledger.claimRow(CAMPAIGN, 4, "r4");
        assertThat(leftPending.result()).isEqualTo(RowClaim.Result.PENDING_EXISTS);
        assertThat(leftPending.claimed()).isTrue();
    }

    @Test
    void aUserNamedOnTwoLinesIsClaimedByTheFirstOnly() {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 3);
        ledger.claimRow(CAMPAIGN, 1, "marie.keller@contoso.example");
        ledger.claimRow(CAMPAIGN, 2, "mkeller@contoso.example");
        ledger.claimRow(CAMPAIGN, 3, "ada@contoso.example");

        assertThat(ledger.claimUser(CAMPAIGN, 1, "u-marie"))
                .isEqualTo(new UserClaim(UserClaim.Result.OK, 1, DeliveryStatus.PENDING));
        assertThat(ledger.claimUser(CAMPAIGN, 2, "u-marie"))
                .isEqualTo(new UserClaim(UserClaim.Result.DUPLICATE, 1, DeliveryStatus.PENDING));
        assertThat(ledger.claimUser(CAMPAIGN, 3, "u-ada").isOk()).isTrue();
        // Claiming again for the same line (a restart) keeps it OK.
        assertThat(ledger.claimUser(CAMPAIGN, 1, "u-marie").isOk()).isTrue();

        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 1, "marie.keller@contoso.example", "u-marie", "19:m", "1:m", 1));
        assertThat(ledger.claimUser(CAMPAIGN, 1, "u-marie"))
                .isEqualTo(new UserClaim(UserClaim.Result.ALREADY_SENT, 1, DeliveryStatus.SENT));
        assertThat(ledger.claimUser(CAMPAIGN, 2, "u-marie"))
                .isEqualTo(new UserClaim(UserClaim.Result.DUPLICATE, 1, DeliveryStatus.SENT));

        // The duplicate row still shows whom it resolved to.
        ledger.recordOutcome(Outcome.notSent(CAMPAIGN, 2, "mkeller@contoso.example", null, DeliveryStatus.SKIPPED,
                "DuplicateRecipient", "same user as line 1", 0));
        assertThat(rows(CAMPAIGN).get(1).userId()).isEqualTo("u-marie");
    }

    @Test
    void aUserMayBeClaimedInEachCampaignOnce() {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 1);
        ledger.registerCampaign("q4-update-0123456789ab", "q4-update.csv", "welcome", 1);
        ledger.claimRow(CAMPAIGN, 1, "ada");
        ledger.claimRow("q4-update-0123456789ab", 1, "ada");

        assertThat(ledger.claimUser(CAMPAIGN, 1, "u-ada").isOk()).isTrue();
        assertThat(ledger.claimUser("q4-update-0123456789ab", 1, "u-ada").isOk()).isTrue();
    }

    @Test
    void claimingAUserForARowNeverClaimedIsAnError() {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 1);
        assertThatThrownBy(() -> ledger.claimUser(CAMPAIGN, 7, "u-ada")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eightThreadsClaimingOneUserAtOnceLeaveExactlyOneHolder() throws Exception {
        int threads = 8;
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", threads);
        for (int line = 1; line <= threads; line++) {
            ledger.claimRow(CAMPAIGN, line, "same person, spelling " + line);
        }

        List<UserClaim> claims = Concurrently.run(threads, i -> ledger.claimUser(CAMPAIGN, i + 1, "u-same"));

        List<UserClaim> ok = claims.stream().filter(UserClaim::isOk).toList();
        assertThat(ok).hasSize(1);
        int holder = ok.get(0).holderLine();
        assertThat(claims).filteredOn(c -> !c.isOk())
                .hasSize(threads - 1)
                .allSatisfy(c -> {
                    assertThat(c.result()).isEqualTo(UserClaim.Result.DUPLICATE);
                    assertThat(c.holderLine()).isEqualTo(holder);
                });
    }

    @Test
    void finishingFlipsTheCampaignOnceEvenWhenManyLastRecipientsTryAtOnce() throws Exception {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 0);

        List<Boolean> flipped = Concurrently.run(8, i -> ledger.finishCampaign(CAMPAIGN));

        assertThat(flipped).containsOnlyOnce(true);
        Campaign finished = ledger.findCampaign(CAMPAIGN).orElseThrow();
        assertThat(finished.status()).isEqualTo(CampaignStatus.FINISHED);
        assertThat(finished.finishedAt()).isAfterOrEqualTo(finished.startedAt());
        assertThat(ledger.finishCampaign(CAMPAIGN)).isFalse();
    }

    @Test
    void progressCountsEachFinalStatusAndCompletesWhenEveryRowIsFinal() {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 6);
        for (int line = 1; line <= 6; line++) {
            ledger.claimRow(CAMPAIGN, line, "r" + line);
        }
        ledger.recordOutcomes(List.of(
                Outcome.sent(CAMPAIGN, 1, "r1", "u1", "19:c1", "1:a1", 1),
                Outcome.sent(CAMPAIGN, 2, "r2", "u2", "19:c2", "1:a2", 2),
                Outcome.notSent(CAMPAIGN, 3, "r3", "u3", DeliveryStatus.FAILED, "403", "forbidden", 1),
                Outcome.notSent(CAMPAIGN, 4, "r4", "u4", DeliveryStatus.IN_DOUBT, "Timeout", "no answer", 3),
                Outcome.notSent(CAMPAIGN, 5, "r5", null, DeliveryStatus.SKIPPED, "UserNotFound", null, 0)));
        ledger.addThrottled(CAMPAIGN, 3);
        ledger.addThrottled(CAMPAIGN, 2);

        assertThat(ledger.progress(CAMPAIGN)).isEqualTo(new Progress(6, 5, 2, 1, 1, 1, 1));
        assertThat(ledger.isComplete(CAMPAIGN)).isFalse();
        assertThat(ledger.findCampaign(CAMPAIGN).orElseThrow().throttled()).isEqualTo(5);

        // An IN_DOUBT row settled later is counted once; a SENT row stays SENT.
        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 4, "r4", "u4", "19:c4", "1:a4", 4));
        ledger.recordOutcome(Outcome.notSent(CAMPAIGN, 1, "r1", "u1", DeliveryStatus.FAILED, "500", "late", 2));
        assertThat(ledger.progress(CAMPAIGN)).isEqualTo(new Progress(6, 5, 3, 1, 0, 1, 1));
        assertThat(rows(CAMPAIGN).get(0).status()).isEqualTo(DeliveryStatus.SENT);

        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 6, "r6", "u6", "19:c6", "1:a6", 1));
        assertThat(ledger.isComplete(CAMPAIGN)).isTrue();
        assertThat(ledger.progress(CAMPAIGN)).isEqualTo(new Progress(6, 6, 4, 1, 0, 1, 0));
        assertThat(ledger.failureCodes(CAMPAIGN)).isEqualTo(Map.of("403", 1L, "UserNotFound", 1L));
    }

    @Test
    void aTotalLearntLaterDecidesCompletion() {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 0);
        ledger.setTotal(CAMPAIGN, 1);
        ledger.claimRow(CAMPAIGN, 1, "r1");
        assertThat(ledger.isComplete(CAMPAIGN)).isFalse();

        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 1, "r1", "u1", "19:c1", "1:a1", 1));
        assertThat(ledger.isComplete(CAMPAIGN)).isTrue();
    }

    @Test
    void outcomesRecordedFromManyThreadsCompleteTheCampaignExactly() throws Exception {
        int threads = 8;
        int perThread = 25;
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", threads * perThread);

        Concurrently.run(threads, t -> {
            for (int i = 0; i < perThread; i++) {
                int line = t * perThread + i + 1;
                ledger.claimRow(CAMPAIGN, line, "r" + line);
                ledger.claimUser(CAMPAIGN, line, "u" + line);
                ledger.recordOutcome(Outcome.sent(CAMPAIGN, line, "r" + line, "u" + line, "19:c", "1:a", 1));
            }
            return null;
        });

        assertThat(ledger.isComplete(CAMPAIGN)).isTrue();
        assertThat(ledger.progress(CAMPAIGN).sent()).isEqualTo(threads * perThread);
    }

    @Test
    void anOutcomeForARowNeverClaimedIsStillRecorded() {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 1);

        ledger.recordOutcome(Outcome.notSent(CAMPAIGN, 1, "not-an-address", null, DeliveryStatus.SKIPPED,
                "InvalidRecipient", null, 0));

        assertThat(ledger.isComplete(CAMPAIGN)).isTrue();
        assertThat(rows(CAMPAIGN)).extracting(DeliveryRow::code).containsExactly("InvalidRecipient");
    }

    @Test
    void deliveriesStreamInLineOrderWithEveryField() {
        int total = DeliveriesTable.FETCH_SIZE * 2 + 7;
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", total);
        // Claimed out of order, as parallel route threads do.
        IntStream.rangeClosed(1, total).map(i -> total + 1 - i)
                .forEach(line -> ledger.claimRow(CAMPAIGN, line, "r" + line));
        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 2, "Zoë Ångström 日本", "u2", "19:c2@unq.gbl.spaces", "1:a2", 2));

        List<DeliveryRow> rows = rows(CAMPAIGN);

        assertThat(rows).extracting(DeliveryRow::line)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        DeliveryRow second = rows.get(1);
        assertThat(second.recipient()).isEqualTo("Zoë Ångström 日本");
        assertThat(second.userId()).isEqualTo("u2");
        assertThat(second.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(second.conversationId()).isEqualTo("19:c2@unq.gbl.spaces");
        assertThat(second.activityId()).isEqualTo("1:a2");
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.updatedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(rows.get(0).status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void howEachRecipientWasMatchedIsKeptAndAnOutcomeThatDoesNotSayKeepsIt() {
        ledger.registerCampaign(CAMPAIGN, "people.csv", "welcome", 3);
        for (int line = 1; line <= 3; line++) {
            ledger.claimRow(CAMPAIGN, line, "r" + line);
        }
        ledger.recordOutcomes(List.of(
                new Outcome(CAMPAIGN, 1, "l.wei@contoso.example", "u1", DeliveryStatus.IN_DOUBT, "NoAnswer", null, null,
                        null, 1, "proxyAddress"),
                new Outcome(CAMPAIGN, 2, "u1", "u1", DeliveryStatus.SKIPPED, "DuplicateRecipient", null, null, null, 0,
                        "id"),
                Outcome.notSent(CAMPAIGN, 3, "nobody@contoso.example", null, DeliveryStatus.FAILED, "UserNotFound", null,
                        0)));
        // Settled later (a resend) by an outcome that does not repeat how the user was matched.
        ledger.recordOutcome(Outcome.sent(CAMPAIGN, 1, "l.wei@contoso.example", "u1", "19:c1", "1:a1", 2));

        assertThat(rows(CAMPAIGN)).extracting(DeliveryRow::resolvedBy).containsExactly("proxyAddress", "id", null);
    }

    @Test
    void longServiceMessagesAreCutToFitInsteadOfFailing() {
        ledger.registerCampaign(CAMPAIGN, "q3-update.csv", "welcome", 1);
        ledger.claimRow(CAMPAIGN, 1, "r1");

        ledger.recordOutcome(Outcome.notSent(CAMPAIGN, 1, "r1", "u1", DeliveryStatus.FAILED, "500", "x".repeat(10_000),
                1));

        assertThat(rows(CAMPAIGN).get(0).detail()).hasSize(2048);
    }

    @Test
    void conversationCacheRemembersReplacesAndForgets() {
        String tenant = "7f3c1a52-9e4b-4d8c-b1a6-3e5f2d7c9a10";
        assertThat(ledger.findConversation(tenant, "u-ada")).isEmpty();

        CachedConversation saved = ledger.saveConversation(tenant, "u-ada", "inst-1", "19:ada_bot@unq.gbl.spaces",
                "https://127.0.0.1:8443/");
        assertThat(ledger.findConversation(tenant, "u-ada")).contains(saved);
        assertThat(ledger.findConversation("another-tenant", "u-ada")).isEmpty();

        CachedConversation replaced = ledger.saveConversation(tenant, "u-ada", "inst-2", "19:ada_bot2@unq.gbl.spaces",
                null);
        assertThat(ledger.findConversation(tenant, "u-ada")).contains(replaced);

        assertThat(ledger.forgetConversation(tenant, "u-ada")).isTrue();
        assertThat(ledger.findConversation(tenant, "u-ada")).isEmpty();
        assertThat(ledger.forgetConversation(tenant, "u-ada")).isFalse();
    }

    @Test
    void concurrentSavesOfOneConversationAllSucceedAndOneOfThemIsKept() throws Exception {
        List<CachedConversation> saved = Concurrently.run(8,
                i -> ledger.saveConversation("t", "u-ada", "inst", "19:chat-" + i, null));

        assertThat(saved).contains(ledger.findConversation("t", "u-ada").orElseThrow());
    }

    private List<DeliveryRow> rows(String campaignId) {
        List<DeliveryRow> rows = new ArrayList<>();
        ledger.forEachDelivery(campaignId, rows::add);
        return rows;
    }
}
