package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import org.alliancecds.cards.Card;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleMetadata;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** From what a call revealed to the entry the audit writes. */
class InvocationNotesTest {

    private static final Caller EHR = new Caller("https://ehr.example.org", "clinic-1");

    @Test
    void anAnsweredCallKeepsItsRuleBaseFiredRulesUserAndCardsWithTheirRuleVersionsAndStates() {
        InvocationNotes notes = new InvocationNotes();
        notes.envelope("hi-1", "patient-view");
        notes.patient("123");
        notes.user("Practitioner/7");
        RuleMetadata rule = new RuleMetadata("PHQ9-HIGH", "High PHQ-9", "1.2.0", "warning", "s", "a", List.of(),
                "phq9.drl", null, null, "", 1, false, null);
        RuleBase ruleBase = new RuleBase("1.0.0+abc", null, List.of(rule), List.of(), Map.of(),
                Entries.NOW, Map.of());
        Evaluation evaluation = new Evaluation(ruleBase, PatientFacts.of("123", List.of(), List.of(), List.of(),
                LocalDate.of(2026, 12, 6), PatientFacts.DEFAULT_EPISODE_GAP_DAYS),
                List.of(new Finding("PHQ9-HIGH", "", List.of(), List.of(), List.of(), false)));
        Card card = new Card("card-1", "summary", "warning", "detail", new Card.Source("label", null,
                new Card.Coding("system", "PHQ9-HIGH", "High PHQ-9")), List.of(), null, List.of(),
                List.of(), new Card.Extension("1.2.0", "1.0.0+abc"));
        Card unstated = new Card("card-2", "summary", "info", "detail", card.source(), List.of(), null, List.of(),
                List.of(), card.extension());
        notes.answered(evaluation, List.of(card, unstated), Map.of("card-1", "phq9=21"));

        InvocationAudit call = notes.finish("alliance-patient-view", Entries.NOW, EHR, 200, 42);

        assertEquals(List.of("hi-1", "patient-view", "alliance-patient-view", "1.0.0+abc", "123"),
                List.of(call.hookInstance(), call.hook(), call.serviceId(), call.ruleBaseVersion(), call.patientId()));
        assertEquals(List.of("PHQ9-HIGH"), call.firedRules());
        assertEquals("Practitioner/7", call.userId());
        assertEquals(List.of(new CardAudit("card-1", "PHQ9-HIGH", "1.2.0", "warning", "phq9=21"),
                new CardAudit("card-2", "PHQ9-HIGH", "1.2.0", "info", null)), call.cards());
        assertEquals(EHR, call.caller());
        assertEquals(42, call.latencyMs());
        assertNull(call.issueType());
    }

    @Test
    void aRefusedCallKeepsItsStatusAndIssueTypeAndWhateverItsEnvelopeHad() {
        InvocationNotes notes = new InvocationNotes();
        notes.envelope("hi-2", null);
        notes.issueType("invalid");

        InvocationAudit call = notes.finish("alliance-patient-view", Entries.NOW, Caller.of(null, null), 400, 3);

        assertEquals(400, call.status());
        assertEquals("invalid", call.issueType());
        assertEquals("hi-2", call.hookInstance());
        assertEquals(List.of(), call.cards());
        assertNull(call.patientId());
        assertNull(call.userId());
        assertNull(call.caller().issuer());
    }

    @Test
    void everyCallGetsItsOwnRowKeyAndNoLogLineNamesThePatient() {
        InvocationNotes notes = new InvocationNotes();
        notes.patient("secret-patient-77");
        InvocationAudit first = notes.finish("s", Entries.NOW, EHR, 412, 1);
        InvocationAudit second = notes.finish("s", Entries.NOW, EHR, 412, 1);

        assertNotEquals(first.id(), second.id());
        assertEquals(-1, first.describe().indexOf("secret-patient-77"));
        assertEquals(-1, first.toString().indexOf("secret-patient-77"));
    }

    @Test
    void feedbackKeepsTheLengthOfAUserCommentNeverItsWords() {
        FeedbackItem item = new FeedbackItem("alliance-patient-view", "card-1", "overridden", List.of("s-1"),
                "https://ehr.example.org/reasons", "not-relevant", "Mr Smith said his wife left", Entries.NOW);

        FeedbackAudit kept = FeedbackAudit.of(item, EHR, Entries.NOW.plusSeconds(1));

        assertEquals(27, kept.commentLength());
        assertEquals(List.of("https://ehr.example.org/reasons", "not-relevant"),
                List.of(kept.overrideSystem(), kept.overrideCode()));
        assertEquals(-1, kept.toString().indexOf("Smith"));
        FeedbackItem uncommented = new FeedbackItem("s", "c", "accepted", List.of(), null, null, null, Entries.NOW);
        assertNull(FeedbackAudit.of(uncommented, EHR, Entries.NOW).commentLength());
    }
}
