package org.alliancecds.audit;

import javax.sql.DataSource;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Test scope: the audit-scale benchmark ({@code org.alliancecds.bench.audit}) runs the service's own expiry,
 * {@link Retention}, which is package-private, and shows the plans of {@link FeedbackStatisticsQuery}'s SQL, which is
 * private; this is their door, and nothing else.
 */
public final class RetentionDoor {

    private RetentionDoor() {
    }

    public static Map<String, Long> expire(DataSource dataSource, Instant cutoff) throws SQLException {
        return new Retention(dataSource).expire(cutoff);
    }

    /** One of the statistics query's SQL constants ({@code SHOWN}, {@code LATEST_ANSWERS}...), for EXPLAIN. */
    public static String statisticsSql(String name) throws ReflectiveOperationException {
        Field field = FeedbackStatisticsQuery.class.getDeclaredField(name);
        field.setAccessible(true);
        return (String) field.get(null);
    }
}
