package org.alliancecds.admin;

import org.alliancecds.audit.AuditReader;
import org.alliancecds.audit.AuditUnavailableException;
import org.alliancecds.audit.FeedbackStatistics;
import org.alliancecds.check.Pipelines;
import org.alliancecds.hooks.CdsProblem;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.testing.RuleCatalogue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics as the console gets them, over the shipped rules: every rule, reasons in words, rates; the window
 * parameter; and a 503 while the audit cannot be read.
 */
class FeedbackReportTest {

    private static final String OURS = "https://alliance-cds.org/fhir/CodeSystem/override-reasons";
    private static final String EHR = "https://ehr.example.org/override-reasons";

    private static RuleBase ruleBase;

    @BeforeAll
    static void shippedRules() {
        ruleBase = Pipelines.ruleBase(Path.of("rules"));
    }

    @Test
    void everyRuleInServiceHasARowAndRulesOnlyTheAuditKnowsAreKept() {
        FeedbackStatistics statistics = new FeedbackStatistics(Instant.EPOCH, List.of(
                new FeedbackStatistics.RuleFeedback("SUICIDE-RISK-ITEM", 4, 1, 2,
                        List.of(reason(OURS, "patient-declined", 1), reason(EHR, "made-up-by-an-ehr", 1),
                                reason(EHR, "patient-declined", 1)), List.of(count("1", 4))),
                new FeedbackStatistics.RuleFeedback("RETIRED-RULE", 1, 0, 0, List.of(), List.of(count("3", 1)))),
                List.of(new FeedbackStatistics.RuleBaseVersion("v1", 5, Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-02T00:00:00Z"))), 1, 2);

        FeedbackReport report = FeedbackReport.of(statistics, Optional.of(ruleBase));

        assertEquals(RuleCatalogue.ruleIds().size() + 1, report.rules().size(),
                "the rules in service and the retired one");
        assertNull(report.since());
        assertEquals(ruleBase.version(), report.ruleBaseInService());
        FeedbackReport.Row suicide = row(report, "SUICIDE-RISK-ITEM");
        assertTrue(suicide.inService());
        assertEquals(ruleBase.rule("SUICIDE-RISK-ITEM").orElseThrow().title(), suicide.title());
        assertEquals(List.of(4L, 1L, 2L), List.of(suicide.cardsShown(), suicide.accepted(), suicide.overridden()));
        assertEquals(1.0 / 3, suicide.acceptanceRate(), 1e-9);
        assertEquals(List.of(new FeedbackReport.Reason(OURS, "patient-declined", "Patient declined", 1),
                new FeedbackReport.Reason(EHR, "made-up-by-an-ehr", null, 1),
                new FeedbackReport.Reason(EHR, "patient-declined", null, 1)), suicide.reasons(),
                "an EHR's reason is not given the cards' words, even with the same code");
        FeedbackReport.Row retired = row(report, "RETIRED-RULE");
        assertFalse(retired.inService());
        assertNull(retired.title());
        assertNull(retired.acceptanceRate(), "no card of it was answered");
        FeedbackReport.Row silent = row(report, "ALLIANCE-RUPTURE");
        assertEquals(List.of(0L, 0L, 0L), List.of(silent.cardsShown(), silent.accepted(), silent.overridden()));
        assertEquals(List.of(new FeedbackReport.RuleBaseVersion("v1", 5, "2026-11-01T00:00:00Z",
                "2026-11-02T00:00:00Z")), report.ruleBaseVersions());
        assertEquals(List.of(1L, 2L), List.of(report.supersededFeedback(), report.unmatchedFeedback()));
    }

    @Test
    void withoutARuleBaseInServiceTheAuditsRulesAreStillShown() {
        FeedbackReport report = FeedbackReport.of(new FeedbackStatistics(Instant.parse("2026-11-01T00:00:00Z"),
                List.of(new FeedbackStatistics.RuleFeedback("SUICIDE-RISK-ITEM", 1, 1, 0, List.of(), List.of())),
                List.of(), 0, 0), Optional.empty());

        assertEquals("2026-11-01T00:00:00Z", report.since());
        assertNull(report.ruleBaseInService());
        assertEquals(List.of("SUICIDE-RISK-ITEM"), report.rules().stream().map(FeedbackReport.Row::id).toList());
        assertEquals(1.0, report.rules().get(0).acceptanceRate());
    }

    @Test
    void sinceIsADateOrADateTimeWithOffsetAndAnythingElseIsA400() {
        assertEquals(Instant.EPOCH, FeedbackStatsResource.since(null, ZoneOffset.UTC));
        assertEquals(Instant.EPOCH, FeedbackStatsResource.since("", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), FeedbackStatsResource.since("2026-11-01", ZoneOffset.UTC));
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"),
                FeedbackStatsResource.since("2026-11-01", ZoneId.of("Europe/Berlin")), "from the start of the site's day");
        assertEquals(Instant.parse("2026-11-01T07:00:00Z"), FeedbackStatsResource.since("2026-11-01T08:00:00+01:00", ZoneOffset.UTC));
        for (String wrong : List.of("yesterday", "2026-13-01", "2026-11-01T08:00:00", "01.11.2026")) {
            CdsProblem problem = assertThrows(CdsProblem.class, () -> FeedbackStatsResource.since(wrong, ZoneOffset.UTC), wrong);
            assertEquals(400, problem.status());
        }
    }

    @Test
    void anAuditThatCannotBeReadIsA503() {
        FeedbackStatsResource resource = new FeedbackStatsResource();
        resource.clock = java.time.Clock.systemUTC();
        resource.audit = new AuditReader() {
            @Override
            public FeedbackStatistics feedbackStatistics(Instant since) {
                throw new AuditUnavailableException("connection refused", new SQLException("connection refused"));
            }
        };

        CdsProblem problem = assertThrows(CdsProblem.class, () -> resource.statistics(null));
        assertEquals(List.of(503, "transient"), List.of(problem.status(), problem.issueType()));
        assertFalse(problem.getMessage().contains("refused"), "the database's words stay in the log");
    }

    private static FeedbackReport.Row row(FeedbackReport report, String id) {
        return report.rules().stream().filter(row -> row.id().equals(id)).findFirst().orElseThrow();
    }

    private static FeedbackStatistics.ReasonCount reason(String system, String code, long count) {
        return new FeedbackStatistics.ReasonCount(system, code, count);
    }

    private static FeedbackStatistics.Count count(String value, long count) {
        return new FeedbackStatistics.Count(value, count);
    }
}
