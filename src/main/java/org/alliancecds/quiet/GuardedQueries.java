package org.alliancecds.quiet;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The answered-cards queries with the database's outages in mind: a read that fails pauses further reads for a
 * while ({@link Outage}), and every failure is an empty answer, never an exception, so that a card shown again is
 * the worst a database outage does.
 */
final class GuardedQueries {

    private final AnswerQueries queries;
    private final Outage database;

    GuardedQueries(AnswerQueries queries, Clock clock) {
        this.queries = queries;
        this.database = new Outage(clock, "the audit database");
    }

    Optional<RecentAnswers> answers(String patientPseudonym, String userPseudonym, Instant since) {
        return read("reading answers", () -> queries.answers(patientPseudonym, userPseudonym, since));
    }

    Optional<IssuedCard> issued(String cardUuid) {
        return read("reading an issued card", () -> queries.issued(cardUuid));
    }

    /** A database read, unless the database is paused after a failure; empty when not read or when null. */
    private <T> Optional<T> read(String doing, Read<T> read) {
        if (!database.mayTry()) {
            return Optional.empty();
        }
        try {
            T value = read.run();
            database.succeeded();
            return Optional.ofNullable(value);
        } catch (SQLException | RuntimeException e) {
            database.failed(doing, e);
            return Optional.empty();
        }
    }

    private interface Read<T> {
        T run() throws SQLException;
    }
}
