package org.alliancecds.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTextTest {

    @Test
    void patientPseudonymsAreStableDistinctAndHideTheId() {
        String pseudonym = LogText.patient("example-123");
        assertEquals(pseudonym, LogText.patient("example-123"));
        assertNotEquals(pseudonym, LogText.patient("example-124"));
        assertFalse(pseudonym.contains("example") || pseudonym.contains("123"), pseudonym);
        assertTrue(pseudonym.matches("pt-[0-9a-f]{12}"), pseudonym);
    }

    @Test
    void clientTextCannotBreakALogLine() {
        assertEquals("a  forged line", LogText.safe("a\r\nforged line"));
        assertEquals(301, LogText.safe("x".repeat(1000)).length());
    }
}
