package org.alliancecds.hooks;

import org.alliancecds.audit.FeedbackItem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Feedback as CDS Hooks 2.0 shapes it ("Feedback"), read into items. */
class FeedbackReaderTest {

    private static final CdsService SERVICE = CdsService.byId(CdsService.PATIENT_VIEW);

    @Test
    void anOverrideReasonKeepsItsSystemWithItsCode() {
        FeedbackItem item = FeedbackReader.read("""
                {"feedback": [{"card": "c-1", "outcome": "overridden", "outcomeTimestamp": "2026-12-06T09:00:00Z",
                  "overrideReason": {"reason": {"system": "https://ehr.example.org/reasons", "code": "busy"},
                                     "userComment": "later"}}]}""", SERVICE).get(0);

        assertEquals(List.of("https://ehr.example.org/reasons", "busy", "later"),
                List.of(item.overrideSystem(), item.overrideCode(), item.overrideComment()));
    }

    @Test
    void acceptingACardThatOfferedSuggestionsNeedsAcceptedSuggestions() {
        List<FeedbackItem> items = FeedbackReader.read("""
                {"feedback": [
                  {"card": "no-suggestions", "outcome": "accepted", "outcomeTimestamp": "2026-12-06T09:00:00Z"},
                  {"card": "with-suggestions", "outcome": "accepted", "outcomeTimestamp": "2026-12-06T09:00:00Z"}]}
                """, SERVICE);
        Set<String> offering = Set.of("with-suggestions");

        CdsProblem problem = assertThrows(CdsProblem.class,
                () -> FeedbackReader.requireAcceptedSuggestions(items, offering::contains));
        assertEquals(400, problem.status());
        assertEquals("feedback[1].acceptedSuggestions is required when accepting a card that offered suggestions",
                problem.getMessage());
        assertDoesNotThrow(() -> FeedbackReader.requireAcceptedSuggestions(items.subList(0, 1), offering::contains));
    }

    @Test
    void namingTheAcceptedSuggestionOrOverridingIsEnough() {
        List<FeedbackItem> items = FeedbackReader.read("""
                {"feedback": [
                  {"card": "c-1", "outcome": "accepted", "acceptedSuggestions": [{"id": "s-1"}],
                   "outcomeTimestamp": "2026-12-06T09:00:00Z"},
                  {"card": "c-1", "outcome": "overridden", "outcomeTimestamp": "2026-12-06T09:00:00Z"}]}
                """, SERVICE);

        assertDoesNotThrow(() -> FeedbackReader.requireAcceptedSuggestions(items, card -> true));
    }
}
