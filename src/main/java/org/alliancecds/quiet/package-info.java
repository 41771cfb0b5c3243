/**
 * Answered cards stay quiet: the memory of which cards each clinician has answered about each patient, for the
 * {@code cards} side to stop showing a card again while the patient's clinical state for its rule is unchanged.
 * <p>
 * In: the cards issued on a hook call ({@link org.alliancecds.quiet.AnsweredCards#issued}: patient, user, each card's
 * rule and clinical state) and the CDS Hooks feedback items ({@link org.alliancecds.quiet.AnsweredCards#answered}).
 * Out: {@link org.alliancecds.quiet.AnsweredCards#of}, the {@link org.alliancecds.quiet.AnsweredCard}s of a patient and
 * user within {@link org.alliancecds.quiet.AnsweredCards#LOOKBACK}, newest first (an override reason kept as its
 * system and code); and {@link org.alliancecds.quiet.AnsweredCards#ruleOf}, the rule of an issued card, for the
 * feedback endpoint's checks.
 * <p>
 * Kept in two cluster-wide JCache caches (Hazelcast in Payara), keyed by the audit's HMAC pseudonyms, never by
 * patient or user ids; a hook call reads only the cache. A cache miss reads the audit tables ({@code audit}'s
 * schema: the user's pseudonym on each invocation, the clinical state on each card), which keep every answer across
 * restarts; an expired or evicted entry is simply read again. When the audit database or the cache fails, answers are
 * missing and cards are shown again: the safe failure.
 * <p>
 * Out of scope: which cards to hide and for how long (that is {@code cards}' policy), writing the audit (that is
 * {@code audit}'s queue), and the feedback endpoint itself ({@code hooks}).
 */
package org.alliancecds.quiet;
