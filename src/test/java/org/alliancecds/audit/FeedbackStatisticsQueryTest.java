package org.alliancecds.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The feedback statistics on an in-memory H2 with the real migration, written through the real store: cards of
 * three rules in calls on three days, answers accepted and overridden (with and without a reason), a card answered
 * twice, an answer sent twice, and answers to cards the audit does not know.
 */
class FeedbackStatisticsQueryTest {

    private static final String OURS = "https://alliance-cds.org/fhir/CodeSystem/override-reasons";
    private static final String EHR_REASONS = "https://ehr.example.org/override-reasons";

    private static final Instant NOW = Entries.NOW;
    private static final Instant TEN_DAYS_AGO = NOW.minus(Duration.ofDays(10));
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));
    private static final String MINE = "1.0.0+abc";
    private static final String NEXT = "1.0.1+def";

    private JdbcUrlDataSource dataSource;
    private AuditDatabaseStore store;

    @BeforeEach
    void writeTheAudit() {
        dataSource = new JdbcUrlDataSource();
        dataSource.setUrl("jdbc:h2:mem:stats-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        store = new AuditDatabaseStore(dataSource, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
        store.prepare();

        store.write(call("old", TEN_DAYS_AGO, MINE, card("c0", "RULE-C", "1")));
        store.write(call("today", NOW, MINE, card("c1", "RULE-A", "1"), card("c2", "RULE-A", "1"),
                card("c3", "RULE-B", "2"), card("c6", "RULE-B", "2")));
        store.write(call("tomorrow", TOMORROW, NEXT, card("c4", "RULE-A", "2"), card("c5", "RULE-B", "2")));
        store.write(new InvocationAudit("refused", "hook-refused", "alliance-patient-view", "patient-view", NOW,
                Entries.invocation("x").caller(), null, List.of(), List.of(), 412, "not-found", 3, "123", null));

        store.write(answer("c0", "overridden", "already-addressed", TEN_DAYS_AGO, TEN_DAYS_AGO));
        store.write(answer("c1", "accepted", null, NOW, NOW));
        store.write(answer("c2", "overridden", "patient-declined", NOW, NOW));
        store.write(answer("c2", "accepted", null, NOW.plusSeconds(60), NOW.plusSeconds(61)));
        // The same code, once the cards' reason and once an EHR's own: two reasons.
        store.write(answer("c3", "overridden", EHR_REASONS, "not-applicable", NOW, NOW));
        store.write(answer("c6", "overridden", "not-applicable", NOW, NOW));
        store.write(answer("c4", "overridden", "not-applicable", TOMORROW, TOMORROW));
        store.write(answer("c5", "overridden", null, TOMORROW, TOMORROW));
        store.write(answer("c5", "overridden", null, TOMORROW, TOMORROW.plusSeconds(5)));
        store.write(answer("no-such-card", "accepted", null, NOW, NOW));
        store.write(answer("another-unknown-card", "accepted", null, TEN_DAYS_AGO, TEN_DAYS_AGO));
    }

    @AfterEach
    void close() throws SQLException {
        store.close();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void eachCardCountsOnceByItsLatestAnswerAndEveryOtherAnswerIsCountedApart() {
        FeedbackStatistics all = new FeedbackStatisticsQuery(dataSource).read(Instant.EPOCH);

        assertEquals(List.of(
                new FeedbackStatistics.RuleFeedback("RULE-A", 3, 2, 1,
                        List.of(reason(OURS, "not-applicable", 1)), List.of(count("1", 2), count("2", 1))),
                new FeedbackStatistics.RuleFeedback("RULE-B", 3, 0, 3,
                        List.of(reason(null, null, 1), reason(OURS, "not-applicable", 1),
                                reason(EHR_REASONS, "not-applicable", 1)), List.of(count("2", 3))),
                new FeedbackStatistics.RuleFeedback("RULE-C", 1, 0, 1,
                        List.of(reason(OURS, "already-addressed", 1)), List.of(count("1", 1)))), all.rules());
        assertEquals(2, all.superseded(), "c2's first answer and c5's repeated one");
        assertEquals(2, all.unmatched());
        assertEquals(List.of(new FeedbackStatistics.RuleBaseVersion(MINE, 2, TEN_DAYS_AGO, NOW),
                new FeedbackStatistics.RuleBaseVersion(NEXT, 1, TOMORROW, TOMORROW)), all.ruleBaseVersions());
    }

    @Test
    void aWindowKeepsTheCardsShownInItAndTheirAnswers() {
        Instant since = NOW.minus(Duration.ofDays(1));
        FeedbackStatistics recent = new FeedbackStatisticsQuery(dataSource).read(since);

        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), recent.since(), "from the start of since's hour");
        assertEquals(List.of("RULE-A", "RULE-B"), recent.rules().stream()
                .map(FeedbackStatistics.RuleFeedback::ruleId).toList(), "RULE-C's only card is older");
        assertEquals(List.of(3L, 3L), recent.rules().stream()
                .map(FeedbackStatistics.RuleFeedback::cardsShown).toList());
        assertEquals(2, recent.superseded());
        assertEquals(1, recent.unmatched(), "the older unknown card's answer is outside the window");
        assertEquals(List.of(new FeedbackStatistics.RuleBaseVersion(MINE, 1, NOW, NOW),
                new FeedbackStatistics.RuleBaseVersion(NEXT, 1, TOMORROW, TOMORROW)), recent.ruleBaseVersions());
    }

    @Test
    void anUnreachableDatabaseIsReportedAsUnavailable() {
        JdbcUrlDataSource nowhere = new JdbcUrlDataSource();
        nowhere.setUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1");

        assertThrows(AuditUnavailableException.class,
                () -> new FeedbackStatisticsQuery(nowhere).read(Instant.EPOCH));
    }

    private static InvocationAudit call(String id, Instant at, String ruleBase, CardAudit... cards) {
        List<CardAudit> returned = List.of(cards);
        return new InvocationAudit(id, "hook-" + id, "alliance-patient-view", "patient-view", at,
                Entries.invocation(id).caller(), ruleBase, returned.stream().map(CardAudit::ruleId).distinct().toList(),
                returned, 200, null, 12, "123", "Practitioner/7");
    }

    private static CardAudit card(String uuid, String ruleId, String version) {
        return new CardAudit(uuid, ruleId, version, "warning", null);
    }

    /** An answer with one of the cards' reasons, or none. */
    private static FeedbackAudit answer(String card, String outcome, String reason, Instant outcomeAt,
                                        Instant receivedAt) {
        return answer(card, outcome, reason == null ? null : OURS, reason, outcomeAt, receivedAt);
    }

    private static FeedbackAudit answer(String card, String outcome, String system, String reason,
                                        Instant outcomeAt, Instant receivedAt) {
        return new FeedbackAudit(UUID.randomUUID().toString(), "alliance-patient-view", card, outcome, List.of(),
                system, reason, null, outcomeAt, receivedAt, Entries.invocation("x").caller());
    }

    private static FeedbackStatistics.ReasonCount reason(String system, String code, long count) {
        return new FeedbackStatistics.ReasonCount(system, code, count);
    }

    private static FeedbackStatistics.Count count(String value, long count) {
        return new FeedbackStatistics.Count(value, count);
    }
}
