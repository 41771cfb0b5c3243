package org.alliancecds.quiet;

import org.alliancecds.testing.MutableClock;

import org.alliancecds.audit.AuditDatabaseStore;
import org.alliancecds.audit.CardAudit;
import org.alliancecds.common.Caller;
import org.alliancecds.audit.FeedbackAudit;
import org.alliancecds.audit.FeedbackItem;
import org.alliancecds.audit.InvocationAudit;
import org.alliancecds.audit.JdbcUrlDataSource;
import org.alliancecds.audit.Pseudonyms;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answered cards over an in-memory H2 with the real migration, written through the real audit store, and the
 * in-memory caches: what a miss reads, what the cache then serves without the database, feedback on cards only the
 * cache knows, and what stays out (other users, old answers, a database that is down).
 */
class AnsweredCardsTest {

    private static final String REASONS = "https://alliance-cds.org/fhir/CodeSystem/override-reasons";

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:00Z");
    // not hex, so that no pseudonym can contain it by chance
    private static final String PATIENT = "patient-xyz";
    private static final String ALICE = "Practitioner/alice";
    private static final String BOB = "Practitioner/bob";
    private static final Caller EHR = new Caller("https://ehr.example.org", "clinic-1");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryQuietCaches caches = new InMemoryQuietCaches();
    private JdbcUrlDataSource h2;
    private SwitchableDataSource database;
    private AuditDatabaseStore store;
    private AnsweredCards answered;

    @BeforeEach
    void prepare() {
        h2 = new JdbcUrlDataSource();
        h2.setUrl("jdbc:h2:mem:quiet-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        store = new AuditDatabaseStore(h2, Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
        store.prepare();
        database = new SwitchableDataSource(h2);
        answered = new AnsweredCards(caches, new AnswerQueries(database.dataSource()), store::pseudonyms, clock,
                new MissReads(Runnable::run, Duration.ofSeconds(5), 4));
    }

    @AfterEach
    void close() throws SQLException {
        store.close();
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void anAnswerWrittenByTheAuditIsReadOnAMiss() {
        writeCall(ALICE, "card-1", "PHQ9-HIGH", "phq9=21", NOW.minus(Duration.ofDays(2)));
        writeAnswer("card-1", "overridden", "patient-declined", NOW.minus(Duration.ofDays(1)));

        assertEquals(List.of(new AnsweredCard("PHQ9-HIGH", "phq9=21", "overridden", REASONS, "patient-declined",
                NOW.minus(Duration.ofDays(1)))), answered.of(PATIENT, ALICE));
    }

    @Test
    void aSecondCallIsServedFromTheCacheWithoutTheDatabase() {
        writeCall(ALICE, "card-1", "PHQ9-HIGH", "phq9=21", NOW.minus(Duration.ofDays(2)));
        writeAnswer("card-1", "accepted", null, NOW.minus(Duration.ofDays(1)));
        List<AnsweredCard> first = answered.of(PATIENT, ALICE);
        int connections = database.connections.get();
        database.down(true);

        assertEquals(1, first.size());
        assertEquals(first, answered.of(PATIENT, ALICE));
        assertEquals(connections, database.connections.get(), "no connection asked for");
    }

    @Test
    void noAnswersAreCachedTooSoThatAPatientWithoutAnswersCostsOneRead() {
        assertEquals(List.of(), answered.of(PATIENT, ALICE));
        int connections = database.connections.get();

        assertEquals(List.of(), answered.of(PATIENT, ALICE));
        assertEquals(connections, database.connections.get());
    }

    @Test
    void feedbackOnACardOnlyTheIssuedCacheKnowsLandsInTheEntry() {
        answered.of(PATIENT, ALICE);
        answered.issued(PATIENT, ALICE, Map.of("card-9", "LOW-ALLIANCE"), Map.of("card-9", "wai=2.1"));
        Instant outcome = NOW.minusSeconds(30);

        answered.answered(List.of(item("card-9", "overridden", "already-addressed", outcome)), NOW);

        assertEquals(List.of(new AnsweredCard("LOW-ALLIANCE", "wai=2.1", "overridden", REASONS, "already-addressed",
                outcome)), answered.of(PATIENT, ALICE));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_card"), "the audit has no card yet");
    }

    @Test
    void feedbackWithNoCachedEntryReadsTheEarlierAnswersFirstAndKeepsTheNewestFirst() {
        writeCall(ALICE, "card-1", "PHQ9-HIGH", "phq9=21", NOW.minus(Duration.ofDays(3)));
        writeAnswer("card-1", "accepted", null, NOW.minus(Duration.ofDays(2)));
        answered.issued(PATIENT, ALICE, Map.of("card-2", "LOW-ALLIANCE"), Map.of());

        answered.answered(List.of(item("card-2", "accepted", null, NOW.minusSeconds(5))), NOW);
        database.down(true);

        assertEquals(List.of("LOW-ALLIANCE", "PHQ9-HIGH"),
                answered.of(PATIENT, ALICE).stream().map(AnsweredCard::ruleId).toList());
        assertEquals(null, answered.of(PATIENT, ALICE).get(0).state(), "a card issued with no state has none");
    }

    @Test
    void feedbackOnACardTheCacheForgotIsMatchedThroughTheAudit() {
        writeCall(ALICE, "card-1", "PHQ9-HIGH", "phq9=21", NOW.minus(Duration.ofDays(3)));
        answered.issued(PATIENT, ALICE, Map.of("card-1", "PHQ9-HIGH"), Map.of("card-1", "phq9=21"));
        caches.forget();

        answered.answered(List.of(item("card-1", "accepted", null, NOW)), NOW);

        assertEquals(List.of(new AnsweredCard("PHQ9-HIGH", "phq9=21", "accepted", null, null, NOW)),
                answered.of(PATIENT, ALICE));
    }

    @Test
    void aCardAnsweredByOneUserIsNotInAnotherUsersList() {
        writeCall(ALICE, "card-1", "PHQ9-HIGH", "phq9=21", NOW.minus(Duration.ofDays(2)));
        writeAnswer("card-1", "accepted", null, NOW.minus(Duration.ofDays(1)));
        answered.issued(PATIENT, ALICE, Map.of("card-2", "LOW-ALLIANCE"), Map.of());
        answered.answered(List.of(item("card-2", "accepted", null, NOW)), NOW);

        assertEquals(2, answered.of(PATIENT, ALICE).size());
        assertEquals(List.of(), answered.of(PATIENT, BOB));
        assertEquals(List.of(), answered.of("456", ALICE), "nor in another patient's");
    }

    @Test
    void answersOlderThanTheLookbackAreNotReturned() {
        Instant justIn = NOW.minus(AnsweredCards.LOOKBACK).plusSeconds(60);
        Instant justOut = NOW.minus(AnsweredCards.LOOKBACK).minusSeconds(60);
        writeCall(ALICE, "card-in", "IN", null, justIn.minusSeconds(60));
        writeCall(ALICE, "card-out", "OUT", null, justOut.minusSeconds(60));
        writeAnswer("card-in", "accepted", null, justIn);
        writeAnswer("card-out", "accepted", null, justOut);

        assertEquals(List.of("IN"), answered.of(PATIENT, ALICE).stream().map(AnsweredCard::ruleId).toList());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), answered.of(PATIENT, ALICE), "a cached answer ages out too");
    }

    @Test
    void anAnswerIsNeverLaterThanItsArrival() {
        answered.issued(PATIENT, ALICE, Map.of("card-1", "R"), Map.of());

        answered.answered(List.of(item("card-1", "accepted", null, NOW.plus(Duration.ofDays(365)))), NOW);

        assertEquals(NOW, answered.of(PATIENT, ALICE).get(0).answeredAt());
    }

    @Test
    void unknownCardsAndOtherOutcomesAreIgnored() {
        answered.issued(PATIENT, ALICE, Map.of("card-1", "R"), Map.of());

        answered.answered(List.of(item("no-such-card", "accepted", null, NOW),
                item("card-1", "dismissed", null, NOW)), NOW);

        assertEquals(Map.of(), caches.answers);
        assertEquals(List.of(), answered.of(PATIENT, ALICE));
    }

    @Test
    void aDatabaseThatIsDownGivesNoAnswersAndIsNotAskedAgainForAWhile() {
        writeCall(ALICE, "card-1", "PHQ9-HIGH", "phq9=21", NOW.minus(Duration.ofDays(2)));
        writeAnswer("card-1", "accepted", null, NOW.minus(Duration.ofDays(1)));
        database.down(true);

        assertEquals(List.of(), answered.of(PATIENT, ALICE));
        int connections = database.connections.get();
        assertEquals(List.of(), answered.of(PATIENT, ALICE));
        assertEquals(connections, database.connections.get(), "paused after the failure");
        assertEquals(Map.of(), caches.answers, "nothing cached from a failed read");

        database.down(false);
        clock.advance(Outage.PAUSE);
        assertEquals(1, answered.of(PATIENT, ALICE).size());
    }

    @Test
    void feedbackWhileTheDatabaseIsDownIsRememberedAndNeverThrows() {
        answered.issued(PATIENT, ALICE, Map.of("card-1", "R"), Map.of());
        database.down(true);

        answered.answered(List.of(item("card-1", "accepted", null, NOW), item("unknown", "accepted", null, NOW)),
                NOW);

        assertEquals(List.of("R"), answered.of(PATIENT, ALICE).stream().map(AnsweredCard::ruleId).toList());
    }

    @Test
    void startUpReadsEachCacheOnceAndStoresNothing() {
        List<String> reads = new ArrayList<>();
        InMemoryQuietCaches counted = new InMemoryQuietCaches() {
            @Override
            public RecentAnswers answers(String key) {
                reads.add("answers");
                return super.answers(key);
            }

            @Override
            public IssuedCard issued(String cardUuid) {
                reads.add("issued");
                return super.issued(cardUuid);
            }
        };
        int connections = database.connections.get();

        new AnsweredCards(counted, new AnswerQueries(database.dataSource()), store::pseudonyms, clock,
                new MissReads(Runnable::run, Duration.ofSeconds(5), 4)).onStart(new Object());

        assertEquals(List.of("answers", "issued"), reads);
        assertTrue(counted.answers.isEmpty() && counted.issued.isEmpty());
        assertEquals(connections, database.connections.get());
    }

    /** Negative control: a cluster cache that fails at start-up must not fail the deployment. */
    @Test
    void aFailingCacheAtStartUpIsSurvived() {
        InMemoryQuietCaches failing = new InMemoryQuietCaches() {
            @Override
            public RecentAnswers answers(String key) {
                throw new IllegalStateException("the cluster is unreachable");
            }
        };
        AnsweredCards cards = new AnsweredCards(failing, new AnswerQueries(database.dataSource()), store::pseudonyms,
                clock, new MissReads(Runnable::run, Duration.ofSeconds(5), 4));

        assertDoesNotThrow(() -> cards.onStart(new Object()));
    }

    @Test
    void noPatientOrUserOrKeyMeansNoAnswersAndNoRead() {
        AnsweredCards keyless = new AnsweredCards(caches, new AnswerQueries(database.dataSource()), Optional::empty,
                clock, new MissReads(Runnable::run, Duration.ofSeconds(5), 4));
        int connections = database.connections.get();

        assertEquals(List.of(), answered.of(null, ALICE));
        assertEquals(List.of(), answered.of(PATIENT, null));
        assertEquals(List.of(), keyless.of(PATIENT, ALICE));
        assertEquals(connections, database.connections.get());
    }

    @Test
    void theCachesHoldPseudonymsNeverIds() {
        answered.issued(PATIENT, ALICE, Map.of("card-1", "R"), Map.of());
        answered.answered(List.of(item("card-1", "accepted", null, NOW)), NOW);

        Pseudonyms keyed = store.pseudonyms().orElseThrow();
        assertEquals(List.of(RecentAnswers.key(keyed.of(PATIENT), keyed.of(ALICE))),
                List.copyOf(caches.answers.keySet()));
        assertTrue(!caches.issued.toString().contains("alice") && !caches.issued.toString().contains(PATIENT),
                caches.issued.toString());
    }

    private void writeCall(String user, String card, String rule, String state, Instant at) {
        store.write(new InvocationAudit(UUID.randomUUID().toString(), "hook-" + card, "alliance-patient-view",
                "patient-view", at, EHR, "1.0.0", List.of(rule), List.of(new CardAudit(card, rule, "1", "info", state)),
                200, null, 5, PATIENT, user));
    }

    private void writeAnswer(String card, String outcome, String reason, Instant at) {
        store.write(FeedbackAudit.of(item(card, outcome, reason, at), EHR, at.plusSeconds(2)));
    }

    private static FeedbackItem item(String card, String outcome, String reason, Instant at) {
        return new FeedbackItem("alliance-patient-view", card, outcome, List.of(), reason == null ? null : REASONS,
                reason, null, at);
    }

    private long count(String sql) {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
