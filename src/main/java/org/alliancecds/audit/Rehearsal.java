package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A made-up invocation with a card, feedback on that card and an admin call, which the store writes once at start-up in a
 * transaction it rolls back. That loads every class a write needs while the application's class loader is open:
 * when Payara stops, it closes that loader while the audit is still writing its backlog, and a write needing a
 * class not loaded yet would fail. It also proves the mapping against the live schema before the first real write.
 */
final class Rehearsal {

    private Rehearsal() {
    }

    static void writeAll(AuditRows rows, Instant now) {
        String card = UUID.randomUUID().toString();
        // an answer before its card, then the card (matching it), then a later answer (replacing it as the latest)
        rows.store(new FeedbackAudit(UUID.randomUUID().toString(), "rehearsal", card, "overridden", List.of(),
                "rehearsal", "c", null, now, now, new Caller("rehearsal", "rehearsal")));
        rows.store(new InvocationAudit(UUID.randomUUID().toString(), "rehearsal", "rehearsal", "rehearsal", now,
                new Caller("rehearsal", "rehearsal"), "rehearsal", List.of("REHEARSAL"),
                List.of(new CardAudit(card, "REHEARSAL", "0", "info", "rehearsal")), 200, null, 0, "rehearsal",
                "rehearsal"));
        rows.store(new FeedbackAudit(UUID.randomUUID().toString(), "rehearsal", card, "accepted", List.of("s"),
                "rehearsal", "c", 1, now.plusSeconds(1), now.plusSeconds(1), new Caller("rehearsal", "rehearsal")));
        rows.store(new AdminActionAudit(UUID.randomUUID().toString(), "rehearsal", "GET /admin/rehearsal", "127.0.0.1",
                now, 200));
    }
}
