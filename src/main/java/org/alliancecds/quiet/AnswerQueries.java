package org.alliancecds.quiet;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads answered and issued cards from the audit tables over plain JDBC (portable SQL, the same on H2 and
 * PostgreSQL), each with one indexed query: answers by {@code audit_invocation (patient_pseudonym, user_pseudonym)},
 * a card by its primary key. Only cache misses come here.
 */
final class AnswerQueries {

    /** A read that takes longer is given up: a cache miss is on a hook call's critical path. */
    static final int TIMEOUT_SECONDS = 2;

    private static final String ANSWERS = "SELECT c.rule_id, c.clinical_state, f.outcome, f.override_reason,"
            + " f.outcome_at, f.received_at, f.override_reason_system FROM audit_invocation i"
            + " JOIN audit_card c ON c.invocation_id = i.id JOIN audit_feedback f ON f.card_uuid = c.card_uuid"
            + " WHERE i.patient_pseudonym = ? AND i.user_pseudonym = ? AND f.outcome_at >= ? AND f.received_at >= ?"
            + " AND f.outcome IN ('accepted', 'overridden')";
    private static final String ISSUED = "SELECT i.patient_pseudonym, i.user_pseudonym, c.rule_id, c.clinical_state"
            + " FROM audit_card c JOIN audit_invocation i ON i.id = c.invocation_id WHERE c.card_uuid = ?";

    private final DataSource dataSource;

    AnswerQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A user's answers about a patient given at or after {@code since}. An answer's time is the clinician's, unless
     * that is later than its arrival: both must be in the window.
     */
    RecentAnswers answers(String patientPseudonym, String userPseudonym, Instant since) throws SQLException {
        OffsetDateTime from = since.atOffset(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = statement(connection, ANSWERS)) {
            statement.setString(1, patientPseudonym);
            statement.setString(2, userPseudonym);
            statement.setObject(3, from);
            statement.setObject(4, from);
            List<AnsweredCard> cards = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Instant outcomeAt = rows.getObject(5, OffsetDateTime.class).toInstant();
                    Instant receivedAt = rows.getObject(6, OffsetDateTime.class).toInstant();
                    cards.add(new AnsweredCard(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(7), rows.getString(4), AnsweredCards.answeredAt(outcomeAt, receivedAt)));
                }
            }
            return RecentAnswers.of(cards);
        }
    }

    /** The card the audit wrote under this uuid, or null when it has none, or none with a patient and user. */
    IssuedCard issued(String cardUuid) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = statement(connection, ISSUED)) {
            statement.setString(1, cardUuid);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getString(1) == null || rows.getString(2) == null) {
                    return null;
                }
                return new IssuedCard(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4));
            }
        }
    }

    private static PreparedStatement statement(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(TIMEOUT_SECONDS);
        return statement;
    }
}
