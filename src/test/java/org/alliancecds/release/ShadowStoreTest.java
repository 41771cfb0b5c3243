package org.alliancecds.release;

import org.alliancecds.audit.Pseudonyms;
import org.alliancecds.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shadow differences and counts written, and the report read back counted per rule. */
class ShadowStoreTest {

    private static final Instant START = Instant.parse("2026-12-06T09:00:00Z");
    private static final SemanticVersion CANDIDATE = SemanticVersion.parse("2.1.0-rc.1");
    private static final Pseudonyms PSEUDONYMS = Pseudonyms.withKey("test key");

    private final ReleaseDatabase database = new ReleaseDatabase();
    private final MutableClock clock = new MutableClock(START);
    private final ShadowStore shadow = new ShadowStore(database.dataSource, clock);

    @BeforeEach
    void storeTheCandidate() {
        new ReleaseStore(database.dataSource).save(ReleaseDatabase.release(CANDIDATE.toString(), "rule", START));
    }

    @AfterEach
    void shutdown() throws SQLException {
        database.shutdown();
    }

    @Test
    void theReportCountsCallsAndEachRulesChangesWithTheLatestExamples() {
        List<ShadowDifference> differences = new ArrayList<>();
        for (int call = 0; call < 4; call++) {
            differences.add(difference("call-" + call, "NOT-ON-TRACK", ShadowChange.ADDED, null, "Not on track"));
        }
        differences.add(difference("call-4", "NOT-ON-TRACK", ShadowChange.SUMMARY, "Off track", "Not on track"));
        differences.add(difference("call-4", "ALLIANCE-RUPTURE", ShadowChange.INDICATOR, "warning", "critical"));
        shadow.record(differences);
        shadow.count(CANDIDATE, "node-a", 10, 4);
        shadow.count(CANDIDATE, "node-a", 5, 1);
        shadow.count(CANDIDATE, "node-b", 7, 0);

        ShadowReport report = shadow.report(CANDIDATE, 2);
        assertEquals(List.of(22L, 5L), List.of(report.comparedCalls(), report.differingCalls()));
        assertEquals(List.of("ALLIANCE-RUPTURE", "NOT-ON-TRACK"),
                report.rules().stream().map(RuleShadowDifferences::ruleId).toList());
        RuleShadowDifferences notOnTrack = report.rules().get(1);
        assertEquals(Map.of(ShadowChange.ADDED, 4L, ShadowChange.SUMMARY, 1L), notOnTrack.counts());
        assertEquals(5, notOnTrack.total());
        assertEquals(List.of("call-4", "call-3"),
                notOnTrack.examples().stream().map(ShadowDifference::hookInstance).toList(), "the latest two");
        assertEquals(differences.get(4), notOnTrack.examples().get(0), "a difference round-trips whole");
        assertEquals(Map.of(ShadowChange.INDICATOR, 1L), report.rules().get(0).counts());
    }

    @Test
    void aCandidateWithoutDifferencesReportsZeros() {
        ShadowReport report = shadow.report(CANDIDATE, 3);
        assertEquals(new ShadowReport(CANDIDATE, 0, 0, List.of()), report);
        shadow.record(List.of());
    }

    @Test
    void longTextsAreCutAndImpossibleCountsRefused() {
        ShadowDifference longOne = difference("call", "R", ShadowChange.SUMMARY, "x".repeat(5000), "y");
        assertEquals(ShadowDifference.TEXT_LENGTH, longOne.liveText().length());
        ShadowDifference longHook = new ShadowDifference(CANDIDATE, "2.0.0", "node-a", START, "h".repeat(100),
                "i".repeat(300), null, "R", ShadowChange.ADDED, null, "y");
        assertEquals(List.of(64, 128), List.of(longHook.hook().length(), longHook.hookInstance().length()));
        shadow.record(List.of(longOne));
        assertEquals(longOne, shadow.report(CANDIDATE, 1).rules().get(0).examples().get(0));
        assertThrows(IllegalArgumentException.class, () -> shadow.count(CANDIDATE, "node-a", 1, 2));
        assertThrows(IllegalArgumentException.class, () -> shadow.count(CANDIDATE, "node-a", -1, 0));
    }

    private ShadowDifference difference(String hookInstance, String rule, ShadowChange change, String live,
                                        String candidate) {
        clock.advance(Duration.ofSeconds(1));
        ShadowDifference difference = new ShadowDifference(CANDIDATE, "2.0.0", "node-a", clock.instant(),
                "patient-view", hookInstance, PSEUDONYMS.of("Patient/123"), rule, change, live, candidate);
        assertTrue(difference.patientPseudonym().matches("[0-9a-f]{64}"));
        return difference;
    }
}
