package org.alliancecds.release;

import org.alliancecds.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Steps recorded, and what they decide: the release serving at a time, the one in shadow now. */
class ReleaseEventsTest {

    private static final Instant START = Instant.parse("2026-12-06T09:00:00Z");
    private static final SemanticVersion V1 = SemanticVersion.parse("1.0.0");
    private static final SemanticVersion V2 = SemanticVersion.parse("2.0.0");
    private static final SemanticVersion V3 = SemanticVersion.parse("3.0.0");

    private final ReleaseDatabase database = new ReleaseDatabase();
    private final MutableClock clock = new MutableClock(START);
    private final ReleaseEvents events = new ReleaseEvents(database.dataSource, clock);

    @BeforeEach
    void storeThreeReleases() {
        ReleaseStore store = new ReleaseStore(database.dataSource);
        for (SemanticVersion version : List.of(V1, V2, V3)) {
            store.save(ReleaseDatabase.release(version.toString(), "rule " + version, START));
        }
    }

    @AfterEach
    void shutdown() throws SQLException {
        database.shutdown();
    }

    @Test
    void theServingReleaseFollowsActivationsScheduledOnesAndRollBacks() {
        assertTrue(events.activeAt(START).isEmpty(), "nothing activated yet");
        events.record(ReleaseEvent.now(V1, ReleaseAction.ACTIVATED, "ana", at(0), "first release"));
        events.record(ReleaseEvent.activation(V2, "ana", at(10), "tonight, when the clinic is closed", at(600)));
        events.record(ReleaseEvent.now(V3, ReleaseAction.ACTIVATED, "bob", at(20), "urgent fix"));
        events.record(ReleaseEvent.now(V1, ReleaseAction.ROLLED_BACK, "bob", at(30), "3.0.0 misfires"));

        assertEquals(V1, serving(at(0)));
        assertEquals(V1, serving(at(19)));
        assertEquals(V3, serving(at(20)));
        assertEquals(V3, serving(at(29)));
        assertEquals(V1, serving(at(30)), "rolled back");
        assertEquals(V1, serving(at(599)));
        assertEquals(V2, serving(at(600)), "the scheduled activation takes effect at its time");
        ReleaseEvent next = events.scheduledAfter(at(30)).orElseThrow();
        assertEquals(List.of(V2, at(600), "tonight, when the clinic is closed"),
                List.of(next.version(), next.effectiveAt(), next.comment()));
        assertTrue(events.scheduledAfter(at(600)).isEmpty());
    }

    @Test
    void stepsTakingEffectAtTheSameTimeAreDecidedByTheLaterRecorded() {
        events.record(ReleaseEvent.activation(V2, "ana", at(0), "at ten", at(3600)));
        events.record(ReleaseEvent.activation(V3, "bob", at(5), "at ten too", at(3600)));
        assertEquals(V3, serving(at(3600)));
    }

    @Test
    void stepsAreListedNewestFirstAllAndPerRelease() {
        events.record(ReleaseEvent.now(V1, ReleaseAction.ACTIVATED, "ana", at(1), "go"));
        events.record(ReleaseEvent.now(V2, ReleaseAction.ACTIVATED, "ana", at(2), "go on"));
        List<ReleaseEvent> all = events.events();
        assertEquals(List.of("2.0.0 activated", "1.0.0 activated", "3.0.0 created", "2.0.0 created",
                "1.0.0 created"), all.stream().map(event -> event.version() + " " + event.action().code()).toList());
        assertEquals(List.of(ReleaseAction.ACTIVATED, ReleaseAction.CREATED),
                events.events(V1).stream().map(ReleaseEvent::action).toList());
        ReleaseEvent activated = events.events(V1).get(0);
        assertEquals(List.of("ana", at(1), "go", at(1)),
                List.of(activated.admin(), activated.at(), activated.comment(), activated.effectiveAt()));
    }

    @Test
    void aStepNeedsWhoAndWhyAndAStoredReleaseAndCannotTakeEffectInThePast() {
        assertThrows(IllegalArgumentException.class,
                () -> ReleaseEvent.now(V1, ReleaseAction.ACTIVATED, "ana", at(0), " "));
        assertThrows(IllegalArgumentException.class,
                () -> ReleaseEvent.now(V1, ReleaseAction.ACTIVATED, "", at(0), "why"));
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> ReleaseEvent.activation(V1, "ana", at(10), "back then", at(0)));
        assertTrue(past.getMessage().contains("cannot take effect before"), past.getMessage());
        ReleaseRefusedException unknown = assertThrows(ReleaseRefusedException.class, () -> events.record(
                ReleaseEvent.now(SemanticVersion.parse("9.0.0"), ReleaseAction.ACTIVATED, "ana", at(0), "why")));
        assertTrue(unknown.getMessage().contains("no release 9.0.0"), unknown.getMessage());
    }

    @Test
    void oneCandidateInShadowAtATimeStartingAnotherStopsTheFirst() {
        assertTrue(events.shadowCandidate().isEmpty());
        events.startShadow(V2, "ana", "try 2.0.0 on live calls");
        assertEquals(Optional.of(V2), events.shadowCandidate().map(ReleaseEvent::version));

        clock.advance(Duration.ofMinutes(5));
        ReleaseEvent started = events.startShadow(V3, "bob", "3.0.0 instead");
        assertEquals(Optional.of(started), events.shadowCandidate());
        assertEquals(List.of(ReleaseAction.SHADOW_STOPPED, ReleaseAction.SHADOW_STARTED, ReleaseAction.CREATED),
                events.events(V2).stream().map(ReleaseEvent::action).toList(), "the first stopped, and recorded");
        assertEquals("bob", events.events(V2).get(0).admin());

        ReleaseRefusedException twice = assertThrows(ReleaseRefusedException.class,
                () -> events.startShadow(V3, "bob", "again"));
        assertTrue(twice.getMessage().contains("in shadow already"), twice.getMessage());

        ReleaseEvent stopped = events.stopShadow("ana", "seen enough");
        assertEquals(List.of(V3, ReleaseAction.SHADOW_STOPPED), List.of(stopped.version(), stopped.action()));
        assertTrue(events.shadowCandidate().isEmpty());
        assertThrows(ReleaseRefusedException.class, () -> events.stopShadow("ana", "nothing runs"));

        events.startShadow(V2, "ana", "2.0.0 again");
        assertEquals(Optional.of(V2), events.shadowCandidate().map(ReleaseEvent::version));
    }

    @Test
    void shadowStepsWithoutACommentAreRefusedAndNotRecorded() {
        assertThrows(IllegalArgumentException.class, () -> events.startShadow(V2, "ana", " "));
        events.startShadow(V2, "ana", "try it");
        assertThrows(IllegalArgumentException.class, () -> events.stopShadow("ana", null));
        assertEquals(Optional.of(V2), events.shadowCandidate().map(ReleaseEvent::version));
        assertEquals(4, events.events().size(), "three created, one started");
    }

    private SemanticVersion serving(Instant time) {
        return events.activeAt(time).orElseThrow().version();
    }

    private static Instant at(long seconds) {
        return START.plusSeconds(seconds);
    }
}
