package org.alliancecds.view;

import org.alliancecds.cards.CardAssembler;
import org.alliancecds.facts.InstrumentScore;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.facts.ScaleRange;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleBaseCompiler;
import org.alliancecds.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatientViewsTest {

    private static final RuleBase RULES = new RuleBaseCompiler(Clock.systemUTC()).compile(Path.of("rules"));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static InstrumentScore phq9(double total, LocalDate day) {
        return InstrumentScore.measured("phq9", "total", "PHQ-9 total", total, day, "QuestionnaireResponse/p" + day,
                "patient", null, true).measuring(null, new ScaleRange(0, 27));
    }

    private static InstrumentScore srs(double total, LocalDate day) {
        return InstrumentScore.measured("srs", "total", "SRS total", total, day, "QuestionnaireResponse/s" + day,
                "patient", null, true).measuring("alliance", new ScaleRange(0, 40));
    }

    private static PatientView view(String focus, InstrumentScore... scores) {
        Evaluation evaluation = RuleEngine.evaluate(RULES, PatientFacts.of("p1", List.of(scores), List.of(),
                List.of(), TODAY, PatientFacts.DEFAULT_EPISODE_GAP_DAYS));
        return PatientViews.of(evaluation, new CardAssembler(UUID::randomUUID).cards(evaluation), List.of(), focus);
    }

    @Test
    void symptomsCarryTheirLinesFromTheThresholdsAndTheEpisodesBaseline() {
        PatientView view = view("NOT-ON-TRACK", phq9(16, TODAY.minusDays(21)), srs(38, TODAY.minusDays(21)),
                phq9(24, TODAY.minusDays(2)), srs(33, TODAY.minusDays(2)));
        assertEquals("NOT-ON-TRACK", view.focus());
        assertEquals(RULES.version(), view.ruleBaseVersion());
        PatientView.Symptom phq9 = view.symptoms().get(0);
        assertEquals(new PatientView.Symptom("phq9.total", "PHQ-9 total", 27.0, 10.0, 6.0,
                new PatientView.Point(TODAY.minusDays(21).toString(), 1, 1, 16),
                List.of(new PatientView.Point(TODAY.minusDays(21).toString(), 1, 1, 16),
                        new PatientView.Point(TODAY.minusDays(2).toString(), 1, 2, 24))), phq9);
        assertEquals(List.of(new PatientView.Episode(1, TODAY.minusDays(21).toString(), null, List.of(
                new PatientView.Session(1, TODAY.minusDays(21).toString()),
                new PatientView.Session(2, TODAY.minusDays(2).toString())))), view.episodes());
        PatientView.ViewCard notOnTrack = view.cards().stream().filter(card -> card.rule().equals("NOT-ON-TRACK"))
                .findFirst().orElseThrow(() -> new AssertionError(view.cards()));
        assertEquals(List.of("PHQ-9 total 16 on " + TODAY.minusDays(21) + " (session 1)",
                "PHQ-9 total 24 on " + TODAY.minusDays(2) + " (session 2)"), notOnTrack.why().subList(0, 2));
        assertTrue(notOnTrack.why().stream().anyMatch(line -> line.startsWith("threshold phq9.reliable-change = 6")),
                notOnTrack.why()::toString);
        assertEquals(List.of(1.0 * 38 / 40, 33.0 / 40),
                view.alliance().stream().map(point -> point.normalised()).toList());
    }

    @Test
    void aPatientWithoutDataIsEmptyAndAnUnknownFocusIsTheOverview() {
        PatientView view = view("NO-SUCH-RULE");
        assertNull(view.focus());
        assertEquals(List.of(), view.alliance());
        assertEquals(List.of(), view.symptoms());
        assertEquals(List.of(), view.episodes());
        assertEquals(List.of(), view.cards());
    }
}
