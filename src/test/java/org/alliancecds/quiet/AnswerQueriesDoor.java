package org.alliancecds.quiet;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Test scope: the audit-scale benchmark ({@code org.alliancecds.bench.audit}) times the quiet periods' own database
 * reads on a cache miss, {@link AnswerQueries}, which is package-private; this is its door, and nothing else.
 */
public final class AnswerQueriesDoor {

    private final AnswerQueries queries;

    public AnswerQueriesDoor(DataSource dataSource) {
        this.queries = new AnswerQueries(dataSource);
    }

    /** How many answers the user gave about the patient since then, as a hook call's cache miss reads them. */
    public int answers(String patientPseudonym, String userPseudonym, Instant since) throws SQLException {
        return queries.answers(patientPseudonym, userPseudonym, since).since(since).size();
    }

    /** Whether the audit knows the card, as the feedback endpoint's cache miss reads it. */
    public boolean issued(String cardUuid) throws SQLException {
        return queries.issued(cardUuid) != null;
    }

    /** The SQL of the answers read ({@code ANSWERS}) or of the issued-card read ({@code ISSUED}), for EXPLAIN. */
    public static String sql(String name) throws ReflectiveOperationException {
        Field field = AnswerQueries.class.getDeclaredField(name);
        field.setAccessible(true);
        return (String) field.get(null);
    }
}
