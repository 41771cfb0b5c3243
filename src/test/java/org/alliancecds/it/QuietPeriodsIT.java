package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Instant;
import java.util.function.Function;

import static org.alliancecds.it.CdsAssertions.SUICIDE_RISK;
import static org.alliancecds.it.CdsAssertions.assertOperationOutcome;
import static org.alliancecds.it.CdsAssertions.card;
import static org.alliancecds.it.CdsAssertions.cards;
import static org.alliancecds.it.QuietCalls.ALLIANCE_LOW;
import static org.alliancecds.it.QuietCalls.FEEDBACK;
import static org.alliancecds.it.QuietCalls.HOOK;
import static org.alliancecds.it.QuietCalls.ITEM9_POSITIVE;
import static org.alliancecds.it.QuietCalls.WEAKEST_BOND;
import static org.alliancecds.it.QuietCalls.WEAKEST_GOALS;
import static org.alliancecds.it.QuietCalls.accepted;
import static org.alliancecds.it.QuietCalls.assertQuiet;
import static org.alliancecds.it.QuietCalls.assertTaken;
import static org.alliancecds.it.QuietCalls.daysAgo;
import static org.alliancecds.it.QuietCalls.newPatient;
import static org.alliancecds.it.QuietCalls.overridden;
import static org.alliancecds.it.QuietCalls.request;
import static org.alliancecds.it.QuietCalls.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Answered cards stay quiet, over HTTP on the deployed WAR with its real quiet store (Payara's clustered JCache in
 * front of the run's audit database): after a user accepts or overrides a card, the same call for the same patient
 * does not show that user the card again while the clinical state is unchanged, for {@code cards.quiet-days} (30)
 * site days; another user still sees it, and a changed state shows it at once. A safety card stays quiet only for
 * the rest of the site day, and only when overridden as {@code already-addressed}.
 * <p>
 * Every test answers a card of a patient of its own, after seeing the card; a quiet call is checked against a call
 * that shows the card (another user, or the same request before the answer), so a call that fires nothing fails.
 */
@ExtendWith(ArquillianExtension.class)
class QuietPeriodsIT {

    private static final String USER = "Practitioner/quiet-it-therapist";
    private static final String OTHER_USER = "Practitioner/quiet-it-colleague";
    private static final String ALREADY_ADDRESSED = "already-addressed";
    private static final String NOT_APPLICABLE = "not-applicable";
    private static final String NOT_MEASURED = "ALLIANCE-NOT-MEASURED/in-two-sessions-no-rating";

    @ArquillianResource
    private URL deployment;

    private CdsClient client;
    private String patient;

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @BeforeEach
    void freshPatient() {
        client = new CdsClient(deployment);
        patient = newPatient();
        // Cards are remembered under the audit's pseudonyms, whose key the audit reads from its database once that
        // is up; before that the service shows every card and cannot tell which offered suggestions (it fails open).
        AuditCheck.await(client, data -> "up".equals(data.path("database").asText()));
    }

    @Test
    void aCardOverriddenAsNotApplicableStaysQuietForThatUserOnly() {
        answeredThenQuietForThatUserOnly(card -> overridden(card, NOT_APPLICABLE, Instant.now()));
    }

    @Test
    void anAcceptedCardStaysQuietForThatUserOnly() {
        answeredThenQuietForThatUserOnly(card -> accepted(card, Instant.now()));
    }

    @Test
    void aChangedClinicalStateShowsTheAnsweredCardAtOnce() {
        answer(WEAKEST_BOND, ALLIANCE_LOW, card -> overridden(card, NOT_APPLICABLE, Instant.now()));
        assertQuiet(call(WEAKEST_BOND, USER), ALLIANCE_LOW);
        // The next SRS: the goals are now the weakest part of the alliance, not the bond.
        shown(call(WEAKEST_GOALS, USER), ALLIANCE_LOW);
    }

    @Test
    void aSafetyCardOverriddenAsAlreadyAddressedTodayStaysQuietToday() {
        answer(ITEM9_POSITIVE, SUICIDE_RISK, card -> overridden(card, ALREADY_ADDRESSED, Instant.now()));
        assertQuiet(call(ITEM9_POSITIVE, USER), SUICIDE_RISK);
        shown(call(ITEM9_POSITIVE, OTHER_USER), SUICIDE_RISK);
    }

    @Test
    void aSafetyCardAddressedYesterdayIsShownAgainToday() {
        answer(ITEM9_POSITIVE, SUICIDE_RISK, card -> overridden(card, ALREADY_ADDRESSED, daysAgo(1)));
        shown(call(ITEM9_POSITIVE, USER), SUICIDE_RISK);
    }

    @Test
    void aSafetyCardOverriddenForAnotherReasonIsShownAgain() {
        answer(ITEM9_POSITIVE, SUICIDE_RISK, card -> overridden(card, NOT_APPLICABLE, Instant.now()));
        shown(call(ITEM9_POSITIVE, USER), SUICIDE_RISK);
    }

    /** The code is ours, the system the EHR's: it is the EHR's reason, and the safety card comes back. */
    @Test
    void aSafetyCardOverriddenWithAnotherSystemsAlreadyAddressedIsShownAgain() {
        answer(ITEM9_POSITIVE, SUICIDE_RISK, card -> overridden(card, "https://ehr.example.org/override-reasons",
                ALREADY_ADDRESSED, Instant.now()));
        shown(call(ITEM9_POSITIVE, USER), SUICIDE_RISK);
    }

    /**
     * CDS Hooks 2.0 "Feedback": {@code acceptedSuggestions} is required for an {@code accepted} outcome. Here it is
     * required where the card offered suggestions (an EHR may accept a card that has none, as above).
     */
    @Test
    void acceptingACardThatOfferedSuggestionsMustNameTheSuggestion() {
        Reply reply = call(NOT_MEASURED, USER);
        String card = shown(reply, "ALLIANCE-NOT-MEASURED");
        String suggestion = card(cards(reply), "ALLIANCE-NOT-MEASURED").path("suggestions").path(0).path("uuid")
                .asText();
        JsonNode issue = assertOperationOutcome(client.post(FEEDBACK, accepted(card, Instant.now())), 400);
        assertEquals("feedback[0].acceptedSuggestions is required when accepting a card that offered suggestions",
                issue.path("diagnostics").asText());

        ObjectNode named = accepted(card, Instant.now());
        ((ObjectNode) named.path("feedback").path(0)).withArray("acceptedSuggestions").addObject()
                .put("id", suggestion);
        assertTaken(client.post(FEEDBACK, named), named);
    }

    @Test
    void aSafetyCardAcceptedIsShownAgain() {
        answer(ITEM9_POSITIVE, SUICIDE_RISK, card -> accepted(card, Instant.now()));
        shown(call(ITEM9_POSITIVE, USER), SUICIDE_RISK);
    }

    @Test
    void aCardAnswered29DaysAgoIsStillQuiet() {
        answer(WEAKEST_BOND, ALLIANCE_LOW, card -> accepted(card, daysAgo(29)));
        assertQuiet(call(WEAKEST_BOND, USER), ALLIANCE_LOW);
        shown(call(WEAKEST_BOND, OTHER_USER), ALLIANCE_LOW);
    }

    @Test
    void aCardAnswered31DaysAgoIsShownAgain() {
        answer(WEAKEST_BOND, ALLIANCE_LOW, card -> accepted(card, daysAgo(31)));
        shown(call(WEAKEST_BOND, USER), ALLIANCE_LOW);
    }

    private void answeredThenQuietForThatUserOnly(Function<String, ObjectNode> feedback) {
        answer(WEAKEST_BOND, ALLIANCE_LOW, feedback);
        assertQuiet(call(WEAKEST_BOND, USER), ALLIANCE_LOW);
        shown(call(WEAKEST_BOND, OTHER_USER), ALLIANCE_LOW);
        assertQuiet(call(WEAKEST_BOND, USER), ALLIANCE_LOW);
    }

    /** Calls the scenario as {@link #USER}, who is shown the rule's card, and sends feedback on that card. */
    private void answer(String scenario, String ruleId, Function<String, ObjectNode> feedback) {
        String card = shown(call(scenario, USER), ruleId);
        ObjectNode body = feedback.apply(card);
        assertTaken(client.post(FEEDBACK, body), body);
    }

    private Reply call(String scenario, String userId) {
        return client.post(HOOK, request(scenario, patient, userId));
    }
}
