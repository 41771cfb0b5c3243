package org.alliancecds.view;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewCookieTest {

    @Test
    void framedByAnotherSiteTheCookieIsSameSiteNoneSecureAndPartitioned() {
        ViewCookie.Mode mode = ViewCookie.Mode.of("cross-site");
        assertEquals("None", mode.sameSite);
        assertTrue(mode.secure);
        assertTrue(mode.partitioned);
    }

    @Test
    void theHeaderNamesEveryAttributeAndPartitionedWithoutAValue() {
        assertEquals("alliance-view-session=abc; Path=/view; HttpOnly; Secure; SameSite=None; Partitioned",
                ViewCookie.header("", "abc", ViewCookie.Mode.of("cross-site")));
        assertEquals("alliance-view-session=abc; Path=/cds/view; HttpOnly; SameSite=Lax",
                ViewCookie.header("/cds", "abc", ViewCookie.Mode.of("insecure-http")));
    }

    @Test
    void overPlainHttpTheCookieIsNeitherSecureNorSameSiteNone() {
        ViewCookie.Mode mode = ViewCookie.Mode.of(" Insecure-HTTP ");
        assertEquals("Lax", mode.sameSite);
        assertFalse(mode.secure);
    }

    @Test
    void anUnknownSettingIsRefusedNamingTheChoices() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ViewCookie.Mode.of("none"));
        assertEquals("cds.view.session-cookie is \"none\"; it takes cross-site, same-site or insecure-http",
                refused.getMessage());
    }
}
