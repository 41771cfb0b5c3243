package org.alliancecds.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/** Reads the audit back for people: the console's feedback statistics. */
@ApplicationScoped
public class AuditReader {

    @Inject
    AuditDatabase database;

    /**
     * @param since the start of the window ({@link Instant#EPOCH} for everything kept)
     * @throws AuditUnavailableException when the audit database cannot be read
     */
    public FeedbackStatistics feedbackStatistics(Instant since) {
        return new FeedbackStatisticsQuery(database.dataSource()).read(since);
    }
}
