package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Questionnaires that came with a patient's data (a prefetch Bundle's {@code _include}s), found by canonical
 * URL with or without {@code |version}, by {@code Questionnaire/id}, or by bare id.
 */
public final class QuestionnaireIndex {

    public static final QuestionnaireIndex EMPTY = new QuestionnaireIndex(Map.of());

    private final Map<String, Questionnaire> byReference;

    private QuestionnaireIndex(Map<String, Questionnaire> byReference) {
        this.byReference = Map.copyOf(byReference);
    }

    public static QuestionnaireIndex of(Collection<? extends Resource> resources) {
        Map<String, Questionnaire> index = new HashMap<>();
        for (Resource resource : resources) {
            if (resource instanceof Questionnaire questionnaire) {
                if (questionnaire.hasUrl()) {
                    index.put(questionnaire.getUrl(), questionnaire);
                }
                if (questionnaire.getIdElement().hasIdPart()) {
                    String id = questionnaire.getIdElement().getIdPart();
                    index.put("Questionnaire/" + id, questionnaire);
                    index.putIfAbsent(id, questionnaire);
                }
            }
        }
        return new QuestionnaireIndex(index);
    }

    public Optional<Questionnaire> find(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        String unversioned = InstrumentCatalog.stripVersion(reference);
        Questionnaire found = byReference.get(unversioned);
        if (found == null && unversioned.contains("/Questionnaire/")) {
            found = byReference.get(unversioned.substring(unversioned.lastIndexOf("/Questionnaire/") + 1));
        }
        return Optional.ofNullable(found);
    }
}
