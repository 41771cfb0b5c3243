package org.alliancecds.admin;

import org.alliancecds.hooks.HookResource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.alliancecds.admin.AdminToken.Check.DISABLED;
import static org.alliancecds.admin.AdminToken.Check.GRANTED;
import static org.alliancecds.admin.AdminToken.Check.MISSING;
import static org.alliancecds.admin.AdminToken.Check.WRONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin token: off without configuration, and only the exact bearer token passes. */
class AdminTokenTest {

    private final AdminToken token = AdminToken.of(Optional.of("s3cret-token"));

    @Test
    void withoutAConfiguredTokenTheAdminApiIsOff() {
        assertEquals(DISABLED, AdminToken.of(Optional.empty()).check("Bearer anything"));
        assertEquals(DISABLED, AdminToken.of(Optional.of("  ")).check("Bearer   "));
        assertEquals(DISABLED, AdminToken.of(Optional.of("")).check("Bearer "));
    }

    @Test
    void onlyTheExactBearerTokenIsGranted() {
        assertEquals(GRANTED, token.check("Bearer s3cret-token"));
        assertEquals(GRANTED, token.check("bearer s3cret-token"));
        assertEquals(WRONG, token.check("Bearer s3cret-toke"));
        assertEquals(WRONG, token.check("Bearer s3cret-token2"));
        assertEquals(WRONG, token.check("Bearer "));
        assertEquals(MISSING, token.check(null));
        assertEquals(MISSING, token.check("Basic czNjcmV0LXRva2Vu"));
        assertEquals(MISSING, token.check("s3cret-token"));
    }

    @Test
    void theGuardCoversEveryAdminResourceAndNothingElse() {
        assertTrue(AdminGuard.isAdmin(AdminResource.class));
        assertTrue(AdminGuard.isAdmin(CatalogueResource.class));
        assertTrue(AdminGuard.isAdmin(TryResource.class));
        assertTrue(AdminGuard.isAdmin(ScenarioResource.class));
        assertFalse(AdminGuard.isAdmin(HookResource.class));
        assertFalse(AdminGuard.isAdmin(String.class));
        assertFalse(AdminGuard.isAdmin(null));
    }
}
