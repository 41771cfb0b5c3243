package org.alliancecds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;
import java.util.Set;

/**
 * HAPI's R4 instance validator, offline: the R4 base definitions and terminologies (plan-definition-type,
 * library-type, usage-context-type, mime types) checked in memory. Expensive to build; one per test class.
 */
final class ArtifactValidator {

    private static final Set<ResultSeverityEnum> BLOCKING = Set.of(ResultSeverityEnum.ERROR, ResultSeverityEnum.FATAL);

    private final FhirValidator validator;

    ArtifactValidator(FhirContext fhir) {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir));
        validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /** Every message, as "SEVERITY location: message". */
    List<String> messages(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream().map(ArtifactValidator::line).toList();
    }

    /** The error and fatal messages only. */
    List<String> errors(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(message -> BLOCKING.contains(message.getSeverity()))
                .map(ArtifactValidator::line)
                .toList();
    }

    private static String line(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }
}
