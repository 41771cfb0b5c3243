package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds which instrument a response answers, and how its linkIds map, in this order: a Questionnaire contained in
 * the response; our own or an aliased form by reference; a Questionnaire that came with the data, by the codes on
 * its items; linkIds that are or end with standard item codes.
 */
final class FormResolver {

    private final InstrumentCatalog catalog;

    FormResolver(InstrumentCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<FormMapping> resolve(QuestionnaireResponse response, QuestionnaireIndex questionnaires,
                                  Collection<String> linkIds) {
        String reference = response.getQuestionnaire();
        Optional<Questionnaire> contained = contained(response, reference);
        if (contained.isPresent()) {
            return QuestionnaireMapping.of(contained.get(), catalog.definitions());
        }
        return catalog.known(reference)
                .or(() -> questionnaires.find(reference)
                        .flatMap(questionnaire -> QuestionnaireMapping.of(questionnaire, catalog.definitions())))
                .or(() -> catalog.byCodedLinkIds(linkIds));
    }

    private static Optional<Questionnaire> contained(QuestionnaireResponse response, String reference) {
        if (reference == null || !reference.startsWith("#")) {
            return Optional.empty();
        }
        String id = reference.substring(1);
        for (Resource resource : response.getContained()) {
            if (resource instanceof Questionnaire questionnaire
                    && id.equals(questionnaire.getIdElement().getIdPart())) {
                return Optional.of(questionnaire);
            }
        }
        return Optional.empty();
    }
}
