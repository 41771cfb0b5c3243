package org.alliancecds.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * Turns an audit entry into rows, and adds them to the hourly counts ({@link HourlyCounts}), inside the caller's
 * transaction. Writing an entry whose row exists does nothing, so a write retried after a commit whose answer was
 * lost cannot duplicate it, nor count it twice.
 */
final class AuditRows {

    /** A card's answers, latest first, in the order the statistics call one answer later than another. */
    private static final String ANSWERS_LATEST_FIRST = "SELECT id, outcome, override_reason_system, override_reason"
            + " FROM audit_feedback WHERE card_uuid = ? ORDER BY outcome_at DESC, received_at DESC, id DESC";
    private static final String UNMATCHED = "SELECT outcome, override_reason_system, override_reason, received_at"
            + " FROM audit_feedback WHERE card_uuid = ? AND matched = FALSE";

    private final EntityManager em;
    private final Pseudonyms pseudonyms;
    private final boolean onConflict;

    /** @param onConflict whether the database adds to counts with {@code INSERT … ON CONFLICT} (PostgreSQL) */
    AuditRows(EntityManager em, Pseudonyms pseudonyms, boolean onConflict) {
        this.em = em;
        this.pseudonyms = pseudonyms;
        this.onConflict = onConflict;
    }

    void store(AuditEntry entry) {
        if (entry instanceof InvocationAudit call) {
            invocation(call);
        } else if (entry instanceof FeedbackAudit item) {
            feedback(item);
        } else if (entry instanceof AdminActionAudit action && em.find(AuditAdminAction.class, action.id()) == null) {
            em.persist(new AuditAdminAction(action));
        }
    }

    private void invocation(InvocationAudit call) {
        if (em.find(AuditInvocation.class, call.id()) != null) {
            return;
        }
        AuditInvocation invocation = new AuditInvocation(call, pseudonyms.of(call.patientId()),
                pseudonyms.of(call.userId()));
        em.persist(invocation);
        em.flush();
        HourlyCounts counts = new HourlyCounts();
        if (call.status() == 200 && invocation.ruleBaseVersion() != null) {
            counts.call(invocation.ruleBaseVersion(), call.receivedAt());
        }
        List<AuditCard> cards = invocation.cards().stream().sorted(Comparator.comparing(AuditCard::cardUuid)).toList();
        jdbc(connection -> {
            for (AuditCard card : cards) {
                counts.card(call.receivedAt(), card.ruleId(), card.ruleVersion());
                matchEarlierFeedback(connection, card, call.receivedAt(), counts);
            }
            counts.apply(connection, onConflict);
        });
    }

    /**
     * Feedback can arrive before its card is written: on another instance sharing the database, or when this
     * instance's backlog was waiting for the database. Such feedback was kept unmatched; it is matched now, and
     * counted as answers to the card instead of as unmatched.
     */
    private void matchEarlierFeedback(Connection connection, AuditCard card, Instant shown, HourlyCounts counts)
            throws SQLException {
        boolean any = false;
        try (PreparedStatement select = connection.prepareStatement(UNMATCHED)) {
            select.setString(1, card.cardUuid());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    any = true;
                    counts.unmatched(rows.getObject(4, OffsetDateTime.class).toInstant(), -1);
                    counts.answer(shown, card.ruleId(), rows.getString(1), rows.getString(2), rows.getString(3), 0, 1);
                }
            }
        }
        if (!any) {
            return;
        }
        Answer latest = answersLatestFirst(connection, card.cardUuid()).get(0);
        counts.answer(shown, card.ruleId(), latest.outcome(), latest.system(), latest.reason(), 1, 0);
        try (PreparedStatement match = connection.prepareStatement("UPDATE audit_feedback SET matched = TRUE,"
                + " rule_id = ?, rule_version = ? WHERE card_uuid = ? AND matched = FALSE")) {
            match.setString(1, card.ruleId());
            match.setString(2, card.ruleVersion());
            match.setString(3, card.cardUuid());
            match.executeUpdate();
        }
    }

    /**
     * An answer to a known card may replace the card's latest answer: the card's row is locked first, so that two
     * instances writing answers to one card at once take turns and count the latest once.
     */
    private void feedback(FeedbackAudit item) {
        if (em.find(AuditFeedback.class, item.id()) != null) {
            return;
        }
        AuditCard card = em.find(AuditCard.class, Columns.cut(item.card(), Columns.SHORT),
                LockModeType.PESSIMISTIC_WRITE);
        AuditFeedback answer = new AuditFeedback(item, card);
        em.persist(answer);
        em.flush();
        HourlyCounts counts = new HourlyCounts();
        jdbc(connection -> {
            if (card == null) {
                counts.unmatched(item.receivedAt(), 1);
            } else {
                Instant shown = card.shownAt();
                counts.answer(shown, card.ruleId(), answer.outcome(), answer.overrideReasonSystem(),
                        answer.overrideReason(), 0, 1);
                List<Answer> answers = answersLatestFirst(connection, card.cardUuid());
                if (answers.get(0).id().equals(item.id())) {
                    counts.answer(shown, card.ruleId(), answer.outcome(), answer.overrideReasonSystem(),
                            answer.overrideReason(), 1, 0);
                    if (answers.size() > 1) {
                        Answer replaced = answers.get(1);
                        counts.answer(shown, card.ruleId(), replaced.outcome(), replaced.system(), replaced.reason(),
                                -1, 0);
                    }
                }
            }
            counts.apply(connection, onConflict);
        });
    }

    private record Answer(String id, String outcome, String system, String reason) {
    }

    private static List<Answer> answersLatestFirst(Connection connection, String cardUuid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ANSWERS_LATEST_FIRST)) {
            select.setString(1, cardUuid);
            select.setMaxRows(2);
            try (ResultSet rows = select.executeQuery()) {
                List<Answer> answers = new java.util.ArrayList<>(2);
                while (rows.next()) {
                    answers.add(new Answer(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
                return answers;
            }
        }
    }

    private interface JdbcWork {
        void run(Connection connection) throws SQLException;
    }

    /** Plain JDBC on the transaction's own connection (the counts are not entities). */
    private void jdbc(JdbcWork work) {
        try {
            work.run(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new PersistenceException("the audit's hourly counts could not be written", e);
        }
    }
}
