package org.alliancecds.fhir;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The allow-list entries, the address classes refused, and the SMART scopes read. */
class AllowedServersTest {

    private final AllowedServer entry = AllowedServer.of("https://fhir.example.org/r4/", false, false);

    @Test
    void anEntryCoversItsOriginAndPathOnly() {
        assertTrue(entry.covers("https://fhir.example.org/r4"));
        assertTrue(entry.covers("https://FHIR.example.org:443/r4/QuestionnaireResponse?patient=1"));
        assertFalse(entry.covers("http://fhir.example.org/r4"), "http");
        assertFalse(entry.covers("https://fhir.example.org:8443/r4"), "port");
        assertFalse(entry.covers("https://fhir.example.org.evil.test/r4"), "host");
        assertFalse(entry.covers("https://fhir.example.org/r4x"), "path prefix, not string prefix");
        assertFalse(entry.covers("https://fhir.example.org/r4/../admin"), "dot segments");
        assertFalse(entry.covers("https://fhir.example.org/r4/%2e%2e/admin"), "escapes");
        assertFalse(entry.covers("https://user@fhir.example.org/r4"), "user info");
        assertFalse(entry.covers("not a url"));
    }

    @Test
    void entriesAreHttpsUnlessTheySayOtherwise() {
        assertThrows(IllegalArgumentException.class, () -> AllowedServer.of("http://fhir.example.org/r4", false,
                false));
        assertTrue(AllowedServer.of("http://fhir.example.org/r4", true, false).covers("http://fhir.example.org/r4"));
        assertThrows(IllegalArgumentException.class, () -> AllowedServer.of("https://x.example/r4?a=1", false,
                false));
    }

    @Test
    void theSettingListsEntriesWithFlags() {
        AllowedServers servers = AllowedServers.parse(
                "https://a.example/fhir, http://127.0.0.1:8080/fhir allow-http allow-private");
        assertEquals(2, servers.entries().size());
        assertTrue(servers.entries().get(1).allowPrivate());
        assertTrue(servers.covering("http://127.0.0.1:8080/fhir").isPresent());
        assertTrue(AllowedServers.parse("").covering("https://a.example/fhir").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> AllowedServers.parse("https://a.example allow-all"));
    }

    @Test
    void anAuthorizationServerIsTheEntrysOriginOrAListedOneAndNothingElse() {
        AllowedServer cerner = AllowedServer.of("https://fhir-ehr.example.com/r4/tenant", false, false)
                .withAuthorizationServers(List.of("https://authorization.example.com"), false);
        AllowedServer token = cerner.authorizationServer(
                "https://authorization.example.com/tenants/t/protocols/oauth2/profiles/smart-v1/token").orElseThrow();
        assertEquals("authorization.example.com", token.host());
        assertTrue(cerner.authorizationServer("https://fhir-ehr.example.com/oauth2/token").isPresent(), "own origin");
        for (String elsewhere : List.of("https://evil.example.com/token", "http://authorization.example.com/token",
                "https://authorization.example.com:8443/token", "https://authorization.example.com.evil.test/token",
                "https://user@authorization.example.com/token")) {
            assertTrue(cerner.authorizationServer(elsewhere).isEmpty(), elsewhere);
        }
        assertTrue(entry.authorizationServer("https://authorization.example.com/token").isEmpty(),
                "negative control: not listed, not allowed");
    }

    @Test
    void authorizationServersAreOriginsHttpsUnlessTheEntryAllowsHttp() {
        AllowedServer base = AllowedServer.of("http://10.0.0.5/fhir", true, true);
        for (String notAnOrigin : List.of("https://auth.example/oauth2", "https://auth.example?x=1", "auth.example",
                "ftp://auth.example")) {
            assertThrows(IllegalArgumentException.class, () -> entry.withAuthorizationServers(List.of(notAnOrigin),
                    false), notAnOrigin);
        }
        assertThrows(IllegalArgumentException.class, () -> entry.withAuthorizationServers(
                List.of("http://auth.example"), false));
        AllowedServer local = base.withAuthorizationServers(List.of("http://10.0.0.6:9000/"), true);
        assertTrue(local.authorizationServer("http://10.0.0.6:9000/token").orElseThrow().allowPrivate(),
                "the entry's private-address flag");
    }

    @Test
    void theSettingNamesAuthorizationServersPerEntry() {
        AllowedServers servers = AllowedServers.parse("https://a.example/fhir "
                + "authorization-server=https://auth.a.example authorization-server=https://login.a.example, "
                + "https://b.example/fhir");
        AllowedServer a = servers.covering("https://a.example/fhir").orElseThrow();
        assertTrue(a.authorizationServer("https://login.a.example/token").isPresent());
        assertTrue(a.authorizationServer("https://auth.a.example/authorize").isPresent());
        assertTrue(servers.covering("https://b.example/fhir").orElseThrow()
                .authorizationServer("https://auth.a.example/token").isEmpty(), "only for the entry that names it");
        assertThrows(IllegalArgumentException.class, () -> AllowedServers.parse(
                "http://127.0.0.1/fhir allow-http authorization-server=http://127.0.0.1:9/x"));
    }

    @Test
    void nonPublicAddressesAreRecognisedInEveryForm() throws UnknownHostException {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd12::1",
                "fc00::1", "ff02::1", "::ffff:10.0.0.1", "::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1")) {
            assertFalse(PublicAddresses.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("8.8.8.8", "172.32.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8")) {
            assertTrue(PublicAddresses.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void scopesAreReadAsSmartV1AndV2() {
        ReadScopes.Interaction search = ReadScopes.Interaction.SEARCH;
        assertTrue(ReadScopes.allow("patient/Observation.read", "Observation", search));
        assertTrue(ReadScopes.allow("user/*.read", "Observation", search));
        assertTrue(ReadScopes.allow("patient/Observation.rs", "Observation", search));
        assertTrue(ReadScopes.allow("system/Observation.s?category=survey", "Observation", search));
        assertFalse(ReadScopes.allow("patient/Observation.r", "Observation", search), "v2 read without search");
        assertFalse(ReadScopes.allow("patient/Observation.write", "Observation", search));
        assertFalse(ReadScopes.allow("patient/Patient.read launch", "Observation", search));
        assertFalse(ReadScopes.allow("patient/Observationx.read", "Observation", search));
    }
}
