package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

import java.util.ArrayList;
import java.util.List;

/** The answered items of a response, flattened out of groups and nested answers. */
final class ResponseItems {

    private ResponseItems() {
    }

    static List<QuestionnaireResponseItemComponent> of(QuestionnaireResponse response) {
        List<QuestionnaireResponseItemComponent> flat = new ArrayList<>();
        collect(response.getItem(), flat);
        return flat;
    }

    private static void collect(List<QuestionnaireResponseItemComponent> items,
                                List<QuestionnaireResponseItemComponent> flat) {
        for (QuestionnaireResponseItemComponent item : items) {
            if (item.hasLinkId() && item.hasAnswer()) {
                flat.add(item);
            }
            collect(item.getItem(), flat);
            for (QuestionnaireResponseItemAnswerComponent answer : item.getAnswer()) {
                collect(answer.getItem(), flat);
            }
        }
    }
}
