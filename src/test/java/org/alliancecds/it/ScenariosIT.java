package org.alliancecds.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.cards.Card;
import org.alliancecds.check.ScenarioCase;
import org.alliancecds.check.ScenarioCases;
import org.alliancecds.check.ScenarioResult;
import org.alliancecds.check.ScenarioRunner;
import org.alliancecds.hooks.CdsProblem;
import org.alliancecds.testing.RuleCatalogue;
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

import static org.alliancecds.it.CdsAssertions.cards;
import static org.alliancecds.it.CdsAssertions.topics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scenario case of rules/scenarios posted to the running service and judged as ShippedScenariosTest judges it
 * in process ({@link ScenarioRunner}): exactly its rules fire, as cards or under "Also:", and the cards' order,
 * indicators and summaries are as the case says, over HTTP.
 */
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
        int rules = RuleCatalogue.ruleIds().size();
        assertTrue(cases.size() >= 2 * rules, "both sides of every one of " + rules + " rules: " + cases.size());
        ScenarioRunner runner = new ScenarioRunner((service, request) -> answer(client, service, request));
        List<String> failures = new ArrayList<>();
        for (ScenarioResult result : runner.run(cases)) {
            if (!result.passed()) {
                failures.add(result.line());
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The cards the service answers, as the EHR reads them; an error answer is the case's error. */
    private static List<Card> answer(CdsClient client, String service, String request) {
        Reply reply = client.post("cds-services/" + service, request, CdsClient.JSON);
        if (reply.status() != 200) {
            throw new CdsProblem(reply.status(), "http", reply.body());
        }
        topics(reply); // one card per rule
        List<Card> cards = new ArrayList<>();
        for (JsonNode card : cards(reply)) {
            try {
                cards.add(Reply.MAPPER.treeToValue(card, Card.class));
            } catch (JsonProcessingException e) {
                throw new AssertionError("not a card: " + card, e);
            }
        }
        return cards;
    }
}
