package org.alliancecds.audit;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Leaves retrying to the audit queue. EclipseLink would otherwise retry a query that lost its connection three
 * times, five seconds apart, inside one write: fifteen seconds in which the queue can neither count the failure
 * nor tell an outage from a refused entry. Named in {@code META-INF/audit-persistence.xml}.
 */
public class AuditSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
