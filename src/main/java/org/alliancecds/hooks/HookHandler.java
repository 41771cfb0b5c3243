package org.alliancecds.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.alliancecds.audit.InvocationNotes;
import org.alliancecds.cards.AssembledCards;
import org.alliancecds.cards.Card;
import org.alliancecds.cards.CardAssembler;
import org.alliancecds.cards.CardMemory;
import org.alliancecds.cards.PriorAnswer;
import org.alliancecds.cards.ViewLink;
import org.alliancecds.fhir.AllowedServers;
import org.alliancecds.fhir.DataUnavailableException;
import org.alliancecds.fhir.Instruments;
import org.alliancecds.fhir.InvalidPrefetchException;
import org.alliancecds.fhir.PatientRecord;
import org.alliancecds.fhir.PatientRecordResolver;
import org.alliancecds.fhir.ScoredPatient;
import org.alliancecds.common.LogText;
import org.alliancecds.fhir.scoring.FhirIds;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.RuleEngine;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Answers one hook call: envelope → data → facts → rules → cards. Usable without a container (the rules check
 * and the scenario tests build it from its parts), so it holds no HTTP types.
 */
@ApplicationScoped
public class HookHandler {

    private static final Logger LOG = Logger.getLogger(HookHandler.class.getName());

    private CardAssembler assembler;
    private PatientRecordResolver resolver;
    private InService inService;
    private CardMemory memory;
    private Clock clock;
    private Shadow shadow;

    protected HookHandler() {
        // for CDI proxies
    }

    /**
     * @param inService the instruments and rule base a call is answered with, taken once per call
     * @param memory    what users answered before, so that answered cards stay quiet
     * @param clock     the site's clock, whose zone tells the days of quiet periods
     */
    public HookHandler(PatientRecordResolver resolver, InService inService, CardMemory memory, Clock clock) {
        this(resolver, inService, memory, clock, ViewLink.NONE, Shadow.NONE);
    }

    /**
     * @param launchUrl the clinician view's launch URL, which cards of trajectory rules link to when it is set
     * @param shadow    the candidate release that answers live calls again, when one runs
     */
    @Inject
    public HookHandler(PatientRecordResolver resolver, InService inService, CardMemory memory, Clock clock,
                       @ConfigProperty(name = "cds.view.launch-url") Optional<String> launchUrl, Shadow shadow) {
        this(resolver, inService, memory, clock, ViewLink.to(launchUrl), shadow);
    }

    private HookHandler(PatientRecordResolver resolver, InService inService, CardMemory memory, Clock clock,
                        ViewLink viewLink, Shadow shadow) {
        this.resolver = resolver;
        this.inService = inService;
        this.memory = memory;
        this.clock = clock;
        this.assembler = new CardAssembler(UUID::randomUUID, viewLink);
        this.shadow = shadow;
    }

    /**
     * The cards for a request body sent to a service.
     *
     * @throws CdsProblem with the status the EHR should get, when the call cannot be answered with cards
     */
    public List<Card> answer(String serviceId, String body) {
        return answer(serviceId, body, new InvocationNotes(), AllowedServers.NONE);
    }

    /**
     * As {@link #answer(String, String)}, noting for the audit what the call reveals as it goes, and fetching what
     * the prefetch lacks only from the FHIR servers this caller may name.
     */
    public List<Card> answer(String serviceId, String body, InvocationNotes notes, AllowedServers allowedServers) {
        return explain(serviceId, body, notes, memory, allowedServers, shadow).cards();
    }

    /** As {@link #answer(String, String)}, with what produced the cards: the patient's facts and the findings. */
    public HookAnswer answerExplained(String serviceId, String body) {
        return explain(serviceId, body, new InvocationNotes(), memory, AllowedServers.NONE, Shadow.NONE);
    }

    /**
     * The cards for a request body with what produced them: the patient's scored facts and the rules' findings.
     * The console's "try it" shows these beside the cards; the EHR gets only the cards. A preview: every card is
     * shown, whatever the user answered before, and nothing is remembered; nothing is fetched from a FHIR server.
     *
     * @throws CdsProblem as {@link #answer}
     */
    public HookAnswer explain(String serviceId, String body) {
        return explain(serviceId, body, new InvocationNotes(), CardMemory.NONE, AllowedServers.NONE, Shadow.NONE);
    }

    private HookAnswer explain(String serviceId, String body, InvocationNotes notes, CardMemory memory,
                               AllowedServers allowedServers, Shadow shadow) {
        HookCall call = HookRequestReader.read(body, CdsService.byId(serviceId), notes);
        notes.patient(FhirIds.patientIdOf(call.patientId()));
        notes.user(call.userId());
        Generation generation = inService.require();
        PatientRecord record = record(call, generation.instruments(), allowedServers);
        ScoredPatient patient = generation.instruments().score(record);
        patient.notes().forEach(note -> LOG.fine(() -> LogText.safe(call.hookInstance()) + " "
                + LogText.patient(call.patientId()) + " " + LogText.safe(note.source()) + ": " + note.message()));
        Evaluation evaluation = RuleEngine.evaluate(generation.ruleBase(), patient.facts());
        String patientId = FhirIds.patientIdOf(call.patientId());
        List<PriorAnswer> answers = memory.answers(patientId, call.userId());
        AssembledCards cards = assembler.assemble(evaluation, answers, clock.getZone());
        memory.shown(patientId, call.userId(), cards);
        notes.answered(evaluation, cards.cards(), cards.stateByCard());
        if (shadow.running()) {
            shadow.offer(new Shadow.Call(call.service().hook(), call.hookInstance(), patientId,
                    generation.ruleBase().version(), Shadow.Shown.of(cards, generation.ruleBase()),
                    candidate -> Shadow.Shown.of(assembler.assemble(RuleEngine.evaluate(candidate.ruleBase(),
                            candidate.instruments().score(record).facts()), answers, clock.getZone()),
                            candidate.ruleBase())));
        }
        return new HookAnswer(patient, evaluation, cards.cards());
    }

    private PatientRecord record(HookCall call, Instruments instruments, AllowedServers allowedServers) {
        try {
            return resolver.resolve(call.dataRequest(allowedServers), instruments.queries(), instruments::unknownForms);
        } catch (InvalidPrefetchException e) {
            throw CdsProblem.invalid(e.getMessage());
        } catch (DataUnavailableException e) {
            LOG.info(() -> LogText.safe(call.hookInstance()) + " " + LogText.patient(call.patientId())
                    + ": data unavailable: " + e.detail());
            throw new CdsProblem(412, "processing", e.getMessage());
        }
    }
}
