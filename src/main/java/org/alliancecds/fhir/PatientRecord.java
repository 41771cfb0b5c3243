package org.alliancecds.fhir;

import org.hl7.fhir.r4.model.Resource;

import java.util.List;

/**
 * The FHIR resources found for one patient, from prefetch or the FHIR server.
 *
 * @param patientId the patient's bare id
 * @param resources the resources, in the order received
 */
public record PatientRecord(String patientId, List<Resource> resources) {

    public PatientRecord {
        resources = List.copyOf(resources);
    }
}
