package org.alliancecds.testing;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/** {@code GET /Patient/{id}}. */
public final class PatientProvider implements IResourceProvider {

    private final ResourceStore store;

    PatientProvider(ResourceStore store) {
        this.store = store;
    }

    @Override
    public Class<Patient> getResourceType() {
        return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return store.read(Patient.class, id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    }
}
