package org.alliancecds.fhir.scoring;

import org.alliancecds.facts.CarePeriod;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.EpisodeOfCare.EpisodeOfCareStatus;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The patient's EpisodeOfCare periods, which define treatment episodes where the EHR records them. */
public final class CarePeriods {

    /**
     * Episodes that never took place do not split the patient's sessions; nor does one without a status (FHIR
     * requires it), since nothing says it took place.
     */
    private static final Set<EpisodeOfCareStatus> NOT_TREATMENT =
            Set.of(EpisodeOfCareStatus.CANCELLED, EpisodeOfCareStatus.ENTEREDINERROR, EpisodeOfCareStatus.PLANNED,
                    EpisodeOfCareStatus.WAITLIST);

    private CarePeriods() {
    }

    public static List<CarePeriod> of(Collection<? extends Resource> resources, String patientId, ZoneId zone) {
        List<CarePeriod> periods = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource instanceof EpisodeOfCare episode && episode.hasPeriod() && episode.getPeriod().hasStart()
                    && episode.hasStatus() && !NOT_TREATMENT.contains(episode.getStatus()) && episode.hasPatient()
                    && FhirIds.refersTo(episode.getPatient(), patientId)) {
                periods.add(new CarePeriod(FhirIds.dayOf(episode.getPeriod().getStartElement(), zone),
                        episode.getPeriod().hasEnd() ? FhirIds.dayOf(episode.getPeriod().getEndElement(), zone) : null,
                        FhirIds.sourceOf(episode)));
            }
        }
        return periods;
    }
}
