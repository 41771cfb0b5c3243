package org.alliancecds.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.alliancecds.audit.AuditReader;
import org.alliancecds.audit.AuditUnavailableException;
import org.alliancecds.audit.FeedbackStatistics;
import org.alliancecds.hooks.CdsProblem;
import org.alliancecds.hooks.InService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;

/**
 * {@code GET /admin/feedback-stats[?since=2026-11-01]}: per rule, the cards shown and what clinicians answered
 * ({@link FeedbackReport}), from the audit; {@code since} is a date (from its start in the site's zone,
 * {@code cds.zone}) or a date-time with offset, which the audit takes back to the start of its hour (the answer says
 * so in its {@code since}).
 * While the audit database cannot be read the answer is 503, which the console shows; the service itself goes on.
 */
@Path("admin/feedback-stats")
public class FeedbackStatsResource {

    private static final Logger LOG = Logger.getLogger(FeedbackStatsResource.class.getName());

    @Inject
    AuditReader audit;

    @Inject
    InService inService;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String statistics(@QueryParam("since") String since) {
        FeedbackStatistics statistics;
        try {
            statistics = audit.feedbackStatistics(since(since, clock.getZone()));
        } catch (AuditUnavailableException e) {
            LOG.warning(() -> "feedback statistics: " + e.getMessage());
            throw new CdsProblem(503, "transient", "the audit database cannot be read now; try again later");
        }
        return AdminJson.write(FeedbackReport.of(statistics, inService.ruleBase()));
    }

    static Instant since(String text, ZoneId siteZone) {
        if (text == null || text.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return text.length() == "2026-11-01".length()
                    ? LocalDate.parse(text).atStartOfDay(siteZone).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw CdsProblem.invalid("since must be a date (2026-11-01) or a date-time with offset "
                    + "(2026-11-01T08:00:00Z), not '" + text + "'");
        }
    }
}
