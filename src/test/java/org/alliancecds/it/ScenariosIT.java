package org.alliancecds.it;

import org.alliancecds.check.ScenarioCase;
import org.alliancecds.check.ScenarioCases;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.alliancecds.it.CdsAssertions.topics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scenario case of rules/scenarios posted to the running service: each fires exactly its rules over HTTP. */
@ExtendWith(ArquillianExtension.class)
class ScenariosIT {

    @ArquillianResource
    private URL deployment;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @Test
    void everyCaseFiresExactlyItsRulesOverHttp() {
        CdsClient client = new CdsClient(deployment);
        List<ScenarioCase> cases = ScenarioCases.read(Path.of("rules"), LocalDate.now());
        assertTrue(cases.size() >= 2 * 17, "both sides of every rule: " + cases.size());
        List<String> failures = new ArrayList<>();
        for (ScenarioCase scenario : cases) {
            Reply reply = client.post("cds-services/" + scenario.serviceId(), scenario.request());
            Set<String> fired = reply.status() == 200 ? topics(reply) : Set.of("HTTP " + reply.status());
            if (!fired.equals(scenario.fires())) {
                failures.add(scenario.file() + ": expected " + scenario.fires() + ", got " + fired);
            }
        }
        assertEquals(List.of(), failures);
    }
}
