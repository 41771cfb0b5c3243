package org.alliancecds.release;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One way the candidate in shadow answered a live call differently, for one rule. Ids are the audit's: the hook
 * instance as the EHR sent it, the patient only as the audit's pseudonym ({@code audit.Pseudonyms}), never the id.
 *
 * @param candidateVersion the release in shadow
 * @param liveVersion      the version that answered the call
 * @param instanceId       the instance that compared them
 * @param recordedAt       when (to the millisecond)
 * @param hook             the hook called ({@code patient-view}), or null
 * @param hookInstance     the call's hookInstance, or null
 * @param patientPseudonym the patient's pseudonym, or null when the call named no patient
 * @param ruleId           the rule whose card differed
 * @param change           how it differed
 * @param liveText         the live card's indicator or summary template (as the change concerns; never the patient's
 *                         values); null when it gave none
 * @param candidateText    the candidate card's; null when it gave none
 */
public record ShadowDifference(SemanticVersion candidateVersion, String liveVersion, String instanceId,
                               Instant recordedAt, String hook, String hookInstance, String patientPseudonym,
                               String ruleId, ShadowChange change, String liveText, String candidateText) {

    /** The longest text kept; longer ones are cut, as the audit cuts, rather than the difference lost. */
    public static final int TEXT_LENGTH = 2048;
    private static final int HOOK_LENGTH = 64;
    private static final int HOOK_INSTANCE_LENGTH = 128;

    public ShadowDifference {
        Objects.requireNonNull(candidateVersion, "candidateVersion");
        Objects.requireNonNull(liveVersion, "liveVersion");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(change, "change");
        recordedAt = recordedAt.truncatedTo(ChronoUnit.MILLIS);
        // The hook and its instance come from the EHR's request: cut to their columns, they cannot fail the batch.
        hook = Sql.cut(hook, HOOK_LENGTH);
        hookInstance = Sql.cut(hookInstance, HOOK_INSTANCE_LENGTH);
        liveText = Sql.cut(liveText, TEXT_LENGTH);
        candidateText = Sql.cut(candidateText, TEXT_LENGTH);
    }
}
