package org.alliancecds.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.cards.Card;
import org.alliancecds.cards.CardAssembler;
import org.alliancecds.common.LogText;
import org.alliancecds.fhir.DataRequest;
import org.alliancecds.fhir.DataUnavailableException;
import org.alliancecds.fhir.PatientRecordResolver;
import org.alliancecds.fhir.ReadableRecord;
import org.alliancecds.fhir.ScoredPatient;
import org.alliancecds.hooks.Generation;
import org.alliancecds.hooks.InService;
import org.alliancecds.hooks.security.Authentication;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.RuleEngine;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Reads a launched view's patient through the hooks' own pipeline: the same prefetch queries fetched from the
 * launch's FHIR server with its token (a type the server refuses is left out and named), scored by the instruments
 * in service, judged by the rule base in service, made into the cards an EHR would get. Nothing is stored or
 * audited; one log line per read, with the patient's pseudonym and no token.
 */
@ApplicationScoped
public class PatientReader {

    private static final Logger LOG = Logger.getLogger(PatientReader.class.getName());

    private final CardAssembler assembler = new CardAssembler(UUID::randomUUID);

    @Inject
    PatientRecordResolver resolver;

    @Inject
    InService inService;

    @Inject
    Authentication authentication;

    @Inject
    Clock clock;

    /** The view of the session's patient; an expired or refused token is a 401 {@code expired}. */
    PatientView read(ViewSession session) {
        if (session.expiredAt(clock.instant())) {
            throw expired();
        }
        Generation generation = inService.require();
        DataRequest request = new DataRequest(session.patientId(), Map.of("patientId", session.patientId()),
                Map.of(), session.iss(), session.accessToken(), session.scope(),
                authentication.fhirServersOfAnyIssuer());
        ReadableRecord readable;
        try {
            readable = resolver.resolveReadable(request, generation.instruments().queries(),
                    generation.instruments()::unknownForms);
        } catch (DataUnavailableException e) {
            if (e.status() == 401) {
                throw expired();
            }
            LOG.info(() -> "clinician view: " + LogText.patient(session.patientId()) + " not read: " + e.detail());
            throw new ViewProblem(502, "unavailable", "The patient's data could not be read from the EHR. Try "
                    + "again, or open the view again from the EHR.");
        }
        ScoredPatient patient = generation.instruments().score(readable.record());
        Evaluation evaluation = RuleEngine.evaluate(generation.ruleBase(), patient.facts());
        List<Card> cards = assembler.cards(evaluation);
        LOG.info(() -> "clinician view read " + LogText.patient(session.patientId()) + ": "
                + patient.facts().scores().size() + " scores, " + cards.size() + " cards, "
                + readable.unread().size() + " types unread");
        return PatientViews.of(evaluation, cards, readable.unread().stream()
                .map(unread -> new PatientView.Unreadable(unread.resourceType(), unread.reason())).toList(),
                session.focus());
    }

    private static ViewProblem expired() {
        return new ViewProblem(401, "expired", "The EHR's permission for this view has expired. Open the view "
                + "again from the patient's chart in the EHR.");
    }
}
