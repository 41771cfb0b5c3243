package org.alliancecds.fhir;

import org.alliancecds.testing.FhirTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view's few requests that are not FHIR go only where the allow-list entry covers, through the defended client. */
class ServerHttpTest {

    private static FhirTestServer ehr;
    private static FhirTestServer elsewhere;
    private static final ServerHttp HTTP = new ServerHttp(new FhirResources(2000, 3000));

    @BeforeAll
    static void start() {
        ehr = FhirTestServer.start();
        elsewhere = FhirTestServer.start();
    }

    @AfterAll
    static void stop() {
        ehr.close();
        elsewhere.close();
    }

    private static AllowedServer allowed() {
        return AllowedServers.parse(ehr.baseUrl() + " allow-http allow-private").entries().get(0);
    }

    @Test
    void aCoveredUrlIsFetchedAndOneElsewhereIsRefusedUnsent() {
        ServerHttp.Answer config = HTTP.get(allowed(), URI.create(ehr.baseUrl() + "/.well-known/smart-configuration"));
        assertEquals(200, config.status());
        assertTrue(config.body().contains("\"token_endpoint\""), config::body);
        elsewhere.resetRequests();
        assertThrows(DataUnavailableException.class, () -> HTTP.get(allowed(),
                URI.create(elsewhere.baseUrl() + "/.well-known/smart-configuration")));
        assertEquals(List.of(), elsewhere.requests());
    }

    @Test
    void theTokenEndpointIsCoveredOnlyByTheEntrysWholeOrigin() {
        URI token = URI.create(ehr.baseUrl().replace("/fhir", "/auth/token"));
        assertThrows(DataUnavailableException.class, () -> HTTP.post(allowed(), token, Map.of(), ""));
        ServerHttp.Answer answer = HTTP.post(allowed().origin(), token,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "grant_type=authorization_code");
        assertEquals(401, answer.status(), answer::body);
        assertTrue(answer.body().contains("invalid_client"), answer::body);
    }
}
