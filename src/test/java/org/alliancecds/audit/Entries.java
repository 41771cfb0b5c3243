package org.alliancecds.audit;

import org.alliancecds.common.Caller;
import java.time.Instant;
import java.util.List;

/** Audit entries for tests. */
final class Entries {

    static final Instant NOW = Instant.parse("2026-11-26T10:15:00Z");

    private Entries() {
    }

    static InvocationAudit invocation(String id) {
        return new InvocationAudit(id, "hook-" + id, "alliance-patient-view", "patient-view", NOW,
                new Caller("https://ehr.example.org", "clinic-1"), "1.0.0+abc", List.of(), List.of(), 200, null, 12,
                "123", "Practitioner/7");
    }

    static InvocationAudit invocationWithCard(String id, String cardUuid) {
        return new InvocationAudit(id, "hook-" + id, "alliance-patient-view", "patient-view", NOW,
                new Caller("https://ehr.example.org", "clinic-1"), "1.0.0+abc", List.of("PHQ9-HIGH"),
                List.of(new CardAudit(cardUuid, "PHQ9-HIGH", "1.2.0", "warning", "phq9=21")), 200, null, 12, "123",
                "Practitioner/7");
    }

    static FeedbackAudit feedback(String id, String cardUuid) {
        return new FeedbackAudit(id, "alliance-patient-view", cardUuid, "overridden", List.of(),
                "https://alliance-cds.org/fhir/CodeSystem/override-reasons", "not-relevant", 17,
                NOW, NOW.plusSeconds(3), new Caller("https://ehr.example.org", "clinic-1"));
    }
}
