package org.alliancecds.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.cards.Card;
import org.alliancecds.cards.CardAssembler;
import org.alliancecds.fhir.DataUnavailableException;
import org.alliancecds.fhir.InstrumentScoring;
import org.alliancecds.fhir.InvalidPrefetchException;
import org.alliancecds.fhir.PatientRecord;
import org.alliancecds.fhir.PatientRecordResolver;
import org.alliancecds.fhir.ScoredPatient;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.RuleEngine;

import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/** Runs the flow for one hook call: data → facts → rules → cards. */
@ApplicationScoped
public class HookHandler {

    private static final Logger LOG = Logger.getLogger(HookHandler.class.getName());

    private final CardAssembler assembler = new CardAssembler(UUID::randomUUID);

    @Inject
    PatientRecordResolver resolver;

    @Inject
    InstrumentScoring scoring;

    @Inject
    RuleEngine engine;

    List<Card> cards(HookCall call) {
        Readiness.requireReady(scoring, engine);
        PatientRecord record = record(call);
        ScoredPatient patient = scoring.score(record);
        patient.notes().forEach(note -> LOG.fine(() -> call.hookInstance() + " " + note.source() + ": "
                + note.message()));
        Evaluation evaluation = engine.evaluate(patient.facts());
        return assembler.cards(evaluation);
    }

    private PatientRecord record(HookCall call) {
        try {
            PatientRecord record = resolver.resolve(call.dataRequest(), scoring.queries());
            return resolver.withForms(call.dataRequest(), record, scoring.unknownForms(record));
        } catch (InvalidPrefetchException e) {
            throw CdsProblem.invalid(e.getMessage());
        } catch (DataUnavailableException e) {
            LOG.info(() -> call.hookInstance() + ": data unavailable: " + e.getMessage());
            throw new CdsProblem(412, "processing", e.getMessage());
        }
    }
}
