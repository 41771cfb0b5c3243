package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import org.alliancecds.cards.Card;
import org.alliancecds.facts.Finding;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.RuleMetadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one hook call has revealed about itself so far, noted as the call goes: the envelope once the body is read,
 * the patient and user once the context is checked, the rules and cards once answered, the issue type if it failed.
 * The HTTP boundary turns it into an {@link InvocationAudit} when the response is ready, however far the call got.
 * Used by one request thread at a time.
 */
public final class InvocationNotes {

    /** The request attribute under which the HTTP boundary keeps the notes of the call it is serving. */
    public static final String ATTRIBUTE = InvocationNotes.class.getName();

    private String hookInstance;
    private String hook;
    private String patientId;
    private String userId;
    private String ruleBaseVersion;
    private List<String> firedRules = List.of();
    private List<CardAudit> cards = List.of();
    private String issueType;

    /** The envelope fields, as far as the body had them as strings. */
    public void envelope(String hookInstance, String hook) {
        this.hookInstance = hookInstance;
        this.hook = hook;
    }

    /** The patient's FHIR id; kept in memory only, the audit writes its pseudonym. */
    public void patient(String patientId) {
        this.patientId = patientId;
    }

    /** The hook context's {@code userId}; kept in memory only, the audit writes its pseudonym. */
    public void user(String userId) {
        this.userId = userId;
    }

    /**
     * The rules that ran and the cards returned, each with the patient's clinical state it was issued for.
     *
     * @param stateByCardUuid the cards side's state of each returned card, by card uuid; a card missing from it is
     *                        kept with no state
     */
    public void answered(Evaluation evaluation, List<Card> returned, Map<String, String> stateByCardUuid) {
        ruleBaseVersion = evaluation.ruleBase().version();
        firedRules = evaluation.findings().stream().map(Finding::ruleId).toList();
        cards = returned.stream().map(card -> card(evaluation, card, stateByCardUuid.get(card.uuid()))).toList();
    }

    public void issueType(String type) {
        this.issueType = type;
    }

    public InvocationAudit finish(String serviceId, Instant receivedAt, Caller caller, int status, long latencyMs) {
        return new InvocationAudit(UUID.randomUUID().toString(), hookInstance, serviceId, hook, receivedAt, caller,
                ruleBaseVersion, firedRules, status == 200 ? cards : List.of(), status,
                status == 200 ? null : issueType, latencyMs, patientId, userId);
    }

    private static CardAudit card(Evaluation evaluation, Card card, String state) {
        String ruleId = card.source().topic().code();
        String ruleVersion = evaluation.ruleBase().rule(ruleId).map(RuleMetadata::version).orElse(null);
        return new CardAudit(card.uuid(), ruleId, ruleVersion, card.indicator(), state);
    }
}
