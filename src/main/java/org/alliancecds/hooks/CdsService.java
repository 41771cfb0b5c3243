package org.alliancecds.hooks;

import java.util.List;

/**
 * One service of our discovery document.
 *
 * @param id              path segment and discovery id
 * @param hook            the hook it answers
 * @param title           human-friendly name
 * @param description     what it does
 * @param requiredContext context fields the hook requires
 */
record CdsService(String id, String hook, String title, String description, List<String> requiredContext) {

    static final String PATIENT_VIEW = "alliance-patient-view";
    static final String ENCOUNTER_START = "alliance-encounter-start";

    static final List<CdsService> ALL = List.of(
            new CdsService(PATIENT_VIEW, "patient-view", "Therapeutic alliance support (chart opened)",
                    "Reads the patient's alliance, readiness, symptom, perfectionism, cognition and substance-use "
                            + "measures and advises on building and repairing the therapeutic alliance; flags a "
                            + "positive PHQ-9 self-harm item.",
                    List.of("userId", "patientId")),
            new CdsService(ENCOUNTER_START, "encounter-start", "Therapeutic alliance support (session starting)",
                    "At the start of a therapy session, advises on the alliance from the patient's measures so far; "
                            + "flags a positive PHQ-9 self-harm item.",
                    List.of("userId", "patientId", "encounterId")));

    /** The service with this id; an unknown id is the client's 404. */
    static CdsService byId(String id) {
        return ALL.stream().filter(service -> service.id().equals(id)).findFirst()
                .orElseThrow(() -> new CdsProblem(404, "not-found", "no CDS service '" + id + "' here; "
                        + "GET /cds-services lists the services"));
    }
}
