package org.alliancecds.view;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SealedTest {

    private static final String VIEW = "{\"accessToken\":\"token-abc\"}";

    @Test
    void whatIsSealedWithAnIdOpensWithThatIdOnly() {
        String id = Sealed.newId();
        String sealed = Sealed.seal(id, VIEW);
        assertEquals(Optional.of(VIEW), Sealed.open(id, sealed));
        assertFalse(sealed.contains("token-abc"));
        assertEquals(Optional.empty(), Sealed.open(Sealed.newId(), sealed));
    }

    @Test
    void anAlteredEntryDoesNotOpen() {
        String id = Sealed.newId();
        byte[] bytes = Base64.getDecoder().decode(Sealed.seal(id, VIEW));
        bytes[bytes.length - 1] ^= 1;
        assertEquals(Optional.empty(), Sealed.open(id, Base64.getEncoder().encodeToString(bytes)));
        assertEquals(Optional.empty(), Sealed.open(id, "not base64 !"));
        assertEquals(Optional.empty(), Sealed.open(id, ""));
    }

    @Test
    void theCacheKeyIsNotTheCookieAndIdsDoNotRepeat() {
        String id = Sealed.newId();
        assertEquals(43, id.length());
        assertNotEquals(id, Sealed.key(id));
        assertEquals(Sealed.key(id), Sealed.key(id));
        assertNotEquals(id, Sealed.newId());
        assertTrue(Sealed.key(id).matches("[A-Za-z0-9_-]{43}"));
    }
}
