package org.alliancecds.fhir.scoring;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * HAPI's R4 instance validator working offline: the R4 base definitions, our own CodeSystems and profiles (snapshots
 * generated on demand, as ours carry only a differential), and in-memory terminology. Codes of external systems such
 * as LOINC cannot be checked without a terminology server, nor profiles of packages we do not have (SDC); both come
 * back as warnings, which callers may accept.
 * Expensive to build (several seconds); build one per test class.
 */
final class ProfileValidator {

    private static final Set<ResultSeverityEnum> BLOCKING = Set.of(ResultSeverityEnum.ERROR, ResultSeverityEnum.FATAL);

    private final FhirValidator validator;

    ProfileValidator(FhirContext fhir, Collection<? extends IBaseResource> ownConformanceResources) {
        PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(fhir);
        ownConformanceResources.forEach(own::addResource);
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                own,
                new SnapshotGeneratingValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        // our Questionnaires declare the SDC profile, whose package cannot be fetched offline: say so, don't fail
        instanceValidator.setErrorForUnknownProfiles(false);
        validator = fhir.newValidator();
        validator.registerValidatorModule(instanceValidator);
    }

    /** The error and fatal messages for a resource validated against its own type and declared profiles. */
    List<String> errors(IBaseResource resource) {
        return blocking(validator.validateWithResult(resource).getMessages());
    }

    /** The error and fatal messages for a resource validated against the given profile as well. */
    List<String> errors(IBaseResource resource, String profile) {
        ValidationOptions options = new ValidationOptions().addProfile(profile);
        return blocking(validator.validateWithResult(resource, options).getMessages());
    }

    private static List<String> blocking(List<SingleValidationMessage> messages) {
        return messages.stream()
                .filter(message -> BLOCKING.contains(message.getSeverity()))
                .map(message -> message.getSeverity() + " " + message.getLocationString() + ": "
                        + message.getMessage())
                .toList();
    }
}
