package org.alliancecds.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.facts.PatientFacts;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleEngine;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The discovery document's fields, as CDS Hooks defines them. */
class DiscoveryResourceTest {

    @Test
    void versionIsTheSpecificationsAndTheRuleBaseVersionIsAnExtension() {
        DiscoveryResource discovery = new DiscoveryResource();
        RuleBase rules = new RuleEngine("rules", Clock.systemUTC()).compile();
        discovery.inService = InService.serving(new Generation(new InstrumentScoring("fhir-profiles",
                PatientFacts.DEFAULT_EPISODE_GAP_DAYS, Clock.systemUTC()).load(), rules));
        String ruleBase = rules.version();

        JsonNode services = Json.read(discovery.discovery()).path("services");
        assertEquals(CdsService.ALL.size(), services.size(), services::toString);
        for (JsonNode service : services) {
            assertEquals("2.0.1", service.path("version").asText(), service::toString);
            assertEquals(ruleBase, service.path("extension").path("org.alliance-cds.rule-base-version").asText(),
                    service::toString);
        }
    }
}
