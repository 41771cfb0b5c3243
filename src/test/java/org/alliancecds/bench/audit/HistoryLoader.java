package org.alliancecds.bench.audit;

import org.alliancecds.audit.CardAudit;
import org.alliancecds.audit.FeedbackAudit;
import org.alliancecds.audit.InvocationAudit;
import org.alliancecds.audit.Pseudonyms;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Loads the audit's history fast, with PostgreSQL's COPY, from the same entry records the writer is given
 * ({@link HookCallMix}) and with the values the writer's entities make of them: the same columns, the patients and
 * users as HMAC pseudonyms under the same key, feedback matched to its card (rule and version copied) or kept
 * unmatched (the clinicians' pseudonyms are computed once each). Calls are spread evenly over the period and loaded
 * in the order they came, an hour at a time.
 */
final class HistoryLoader {

    static final String RULE_BASE_BEFORE = "2.0.0+3f9a1c2e";
    static final String RULE_BASE_NOW = "2.0.1+8b7d6e5f";
    private static final int FLUSH_CALLS = 20_000;

    /** What one load wrote. */
    record Loaded(long calls, long invocations, long cards, long feedback, double seconds) {

        long rows() {
            return invocations + cards + feedback;
        }
    }

    private final DataSource database;
    private final Pseudonyms pseudonyms;
    private final HookCallMix mix;
    private final SplittableRandom random;
    private final Samples samples;
    private final Map<String, String> users = new HashMap<>();
    private final StringBuilder invocations = new StringBuilder();
    private final StringBuilder cards = new StringBuilder();
    private final StringBuilder feedback = new StringBuilder();
    private long invocationRows;
    private long cardRows;
    private long feedbackRows;

    HistoryLoader(DataSource database, Pseudonyms pseudonyms, long seed, Samples samples) {
        this.database = database;
        this.pseudonyms = pseudonyms;
        this.mix = new HookCallMix(seed);
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.samples = samples;
    }

    /** {@code calls} calls received between {@code from} and {@code to}, answered by the rule base of their time. */
    Loaded load(Instant from, Instant to, long calls, Instant ruleBaseSwitch) throws SQLException {
        long start = System.nanoTime();
        long[] before = {invocationRows, cardRows, feedbackRows};
        long hours = Math.max(1, Duration.between(from, to).toHours());
        double perHour = (double) calls / hours;
        long made = 0;
        try (Connection connection = database.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (long hour = 0; hour < hours; hour++) {
                long due = Math.round(perHour * (hour + 1));
                Instant hourStart = from.plus(Duration.ofHours(hour));
                long inHour = due - made;
                for (long i = 0; i < inHour; i++) {
                    long micros = (long) ((i + random.nextDouble()) / inHour * 3.6e9);
                    Instant at = hourStart.plusNanos(micros * 1000);
                    add(mix.next(at, at.isBefore(ruleBaseSwitch) ? RULE_BASE_BEFORE : RULE_BASE_NOW));
                    made++;
                    if (made % FLUSH_CALLS == 0) {
                        flush(copy);
                    }
                }
            }
            flush(copy);
        }
        return new Loaded(made, invocationRows - before[0], cardRows - before[1], feedbackRows - before[2],
                (System.nanoTime() - start) / 1e9);
    }

    private void add(HookCallMix.Call call) {
        InvocationAudit invocation = call.invocation();
        String patient = pseudonyms.of(call.patientId());
        String user = users.computeIfAbsent(call.userId(), pseudonyms::of);
        row(invocations, invocation.id(), invocation.hookInstance(), invocation.serviceId(), invocation.hook(),
                time(invocation.receivedAt()), invocation.caller().issuer(), invocation.caller().tenant(),
                invocation.ruleBaseVersion(), invocation.firedRules().isEmpty() ? null
                        : String.join(" ", invocation.firedRules()), Integer.toString(invocation.status()),
                invocation.issueType(), Long.toString(invocation.latencyMs()), patient, user);
        invocationRows++;
        Map<String, CardAudit> byUuid = new HashMap<>();
        for (CardAudit card : invocation.cards()) {
            row(cards, card.uuid(), invocation.id(), card.ruleId(), card.ruleVersion(), card.indicator(),
                    card.clinicalState());
            byUuid.put(card.uuid(), card);
            cardRows++;
            samples.card(card.uuid());
        }
        for (FeedbackAudit item : call.feedback()) {
            CardAudit card = byUuid.get(item.card());
            row(feedback, item.id(), item.serviceId(), item.card(), card == null ? "f" : "t",
                    card == null ? null : card.ruleId(), card == null ? null : card.ruleVersion(), item.outcome(),
                    item.acceptedSuggestions().isEmpty() ? null : String.join(" ", item.acceptedSuggestions()),
                    item.overrideCode(), item.commentLength() == null ? null : item.commentLength().toString(),
                    time(item.outcomeAt()), time(item.receivedAt()), item.caller().issuer(), item.caller().tenant(),
                    item.overrideSystem());
            feedbackRows++;
            if (card != null) {
                samples.answered(patient, user);
            }
        }
        samples.pair(patient, user);
    }

    private void flush(CopyManager copy) throws SQLException {
        try {
            copy.copyIn("COPY audit_invocation (id, hook_instance, service_id, hook, received_at, issuer, tenant,"
                    + " rule_base_version, fired_rules, status, issue_type, latency_ms, patient_pseudonym,"
                    + " user_pseudonym) FROM STDIN", new StringReader(invocations.toString()));
            copy.copyIn("COPY audit_card (card_uuid, invocation_id, rule_id, rule_version, indicator, clinical_state)"
                    + " FROM STDIN", new StringReader(cards.toString()));
            copy.copyIn("COPY audit_feedback (id, service_id, card_uuid, matched, rule_id, rule_version, outcome,"
                    + " accepted_suggestions, override_reason, comment_length, outcome_at, received_at, issuer,"
                    + " tenant, override_reason_system) FROM STDIN", new StringReader(feedback.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
        invocations.setLength(0);
        cards.setLength(0);
        feedback.setLength(0);
    }

    private static String time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }

    /** One line of COPY's text format: tab-separated, {@code \N} for null (the generated values hold no tab). */
    private static void row(StringBuilder out, String... values) {
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : "\t").append(values[i] == null ? "\\N" : values[i]);
        }
        out.append('\n');
    }
}
