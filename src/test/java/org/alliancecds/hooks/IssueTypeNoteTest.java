package org.alliancecds.hooks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IssueTypeNoteTest {

    @Test
    void readsTheIssueTypeOfAnOperationOutcome() {
        String outcome = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                + "\"code\":\"processing\",\"diagnostics\":\"no data\"}]}";
        assertEquals("processing", IssueTypeNote.issueType(outcome));
    }

    @Test
    void aBodyThatIsNotAnOperationOutcomeHasNone() {
        assertNull(IssueTypeNote.issueType("not json"));
        assertNull(IssueTypeNote.issueType("{\"resourceType\":\"Bundle\"}"));
    }
}
