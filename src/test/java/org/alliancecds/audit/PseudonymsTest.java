package org.alliancecds.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PseudonymsTest {

    @Test
    void isHmacSha256InHex() {
        // RFC 4231, test case 2
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Pseudonyms.withKey("Jefe").of("what do ya want for nothing?"));
    }

    @Test
    void theSamePatientUnderTheSameKeyGetsTheSamePseudonymAndOtherwiseNot() {
        Pseudonyms site = Pseudonyms.withKey("site key");
        assertEquals(site.of("123"), Pseudonyms.withKey("site key").of("123"));
        assertNotEquals(site.of("123"), site.of("124"));
        assertNotEquals(site.of("123"), Pseudonyms.withKey("other key").of("123"));
    }

    @Test
    void noPatientNoPseudonym() {
        assertNull(Pseudonyms.withKey("k").of(null));
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pseudonyms.withKey(""));
    }
}
