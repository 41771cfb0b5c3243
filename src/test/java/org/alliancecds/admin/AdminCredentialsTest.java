package org.alliancecds.admin;

import org.alliancecds.hooks.HookResource;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Named admin credentials from a file of digests; the demo token as "demo"; nothing else gets in. */
class AdminCredentialsTest {

    private static String sha256(String token) {
        return HexFormat.of().formatHex(AdminCredentials.digest(token));
    }

    private static final AdminCredentials NAMED = AdminCredentials.parse("[{\"name\":\"ana\",\"token_sha256\":\""
            + sha256("ana-s3cret") + "\"},{\"name\":\"ben\",\"token_sha256\":\"" + sha256("ben-s3cret") + "\"}]");

    @Test
    void eachTokenActsAsItsName() {
        assertEquals(Optional.of("ana"), NAMED.check("Bearer ana-s3cret"));
        assertEquals(Optional.of("ben"), NAMED.check("bearer ben-s3cret"));
    }

    @Test
    void anythingElseIsNobody() {
        assertEquals(Optional.empty(), NAMED.check("Bearer ana-s3cre"));
        assertEquals(Optional.empty(), NAMED.check("Bearer " + sha256("ana-s3cret")));
        assertEquals(Optional.empty(), NAMED.check("Bearer "));
        assertEquals(Optional.empty(), NAMED.check(null));
        assertEquals(Optional.empty(), NAMED.check("Basic YW5hLXMzY3JldA=="));
        assertEquals(Optional.empty(), NAMED.check("ana-s3cret"));
    }

    @Test
    void theDemoTokenActsAsDemoAndBlankIsOff() {
        assertEquals(Optional.of(AdminCredentials.DEMO), AdminCredentials.demoToken("demo").check("Bearer demo"));
        assertFalse(AdminCredentials.demoToken("  ").any());
        assertFalse(AdminCredentials.demoToken(null).any());
        assertEquals(Optional.empty(), AdminCredentials.none().check("Bearer "));
    }

    @Test
    void theFileIsReadStrictly() {
        String digest = sha256("x");
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.parse("{}"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.parse("[{\"name\":\"ana\","
                + "\"token\":\"plain-token\"}]"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.parse("[{\"name\":\"ana\","
                + "\"token_sha256\":\"plain-token\"}]"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.parse("[{\"name\":\"a b\","
                + "\"token_sha256\":\"" + digest + "\"}]"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.parse("[{\"name\":\"ana\","
                + "\"token_sha256\":\"" + digest + "\"},{\"name\":\"ben\",\"token_sha256\":\"" + digest + "\"}]"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.parse("[{\"name\":\"ana\","
                + "\"token_sha256\":\"" + digest + "\"},{\"name\":\"ana\",\"token_sha256\":\"" + sha256("y")
                + "\"}]"));
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.parse("[{\"name\":\"ana\","
                + "\"token_sha256\":\"" + digest.toUpperCase() + "\"}]"));
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
