package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;

import java.util.Optional;

/** The number and the time of an Observation, from the several shapes systems send them in. */
final class ObservationValues {

    private ObservationValues() {
    }

    /**
     * A Quantity's or integer's value; for a coded value (the Person-Centered Outcomes IG sends readiness rulers
     * as LOINC answers), the number its display states.
     */
    static Optional<Double> numberOf(Observation observation) {
        if (observation.hasValueQuantity() && observation.getValueQuantity().hasValue()) {
            return Optional.of(observation.getValueQuantity().getValue().doubleValue());
        }
        if (observation.hasValueIntegerType()) {
            return Optional.of(observation.getValueIntegerType().getValue().doubleValue());
        }
        if (observation.hasValueCodeableConcept()) {
            return observation.getValueCodeableConcept().getCoding().stream()
                    .map(Coding::getDisplay)
                    .map(ObservationValues::parseNumber)
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        return Optional.empty();
    }

    /** When it was measured: the effective time, else the start of the effective period, else when issued. */
    static Optional<BaseDateTimeType> timestampOf(Observation observation) {
        if (observation.hasEffectiveDateTimeType()) {
            return Optional.of(observation.getEffectiveDateTimeType());
        }
        if (observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()) {
            return Optional.of(observation.getEffectivePeriod().getStartElement());
        }
        return observation.hasIssued() ? Optional.of(observation.getIssuedElement()) : Optional.empty();
    }

    private static Optional<Double> parseNumber(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
