package org.alliancecds.fhir.scoring;

import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;

import java.util.Optional;

/** The answer to a coded item as a plain code: a Coding's code, a yes/no as {@code true}/{@code false}. */
final class AnswerCodes {

    private AnswerCodes() {
    }

    static Optional<String> of(QuestionnaireResponseItemAnswerComponent answer) {
        if (answer.hasValueCoding() && answer.getValueCoding().hasCode()) {
            return Optional.of(answer.getValueCoding().getCode());
        }
        if (answer.hasValueBooleanType() && answer.getValueBooleanType().hasValue()) {
            return Optional.of(answer.getValueBooleanType().getValue().toString());
        }
        if (answer.hasValueStringType() && answer.getValueStringType().hasValue()) {
            return Optional.of(answer.getValueStringType().getValue().trim());
        }
        return Optional.empty();
    }
}
