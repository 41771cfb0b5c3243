package org.alliancecds.fhir.scoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Maps another organisation's form onto one of our instruments, read from {@code fhir-profiles/aliases/*.json}.
 *
 * @param instrument     our instrument key
 * @param questionnaires the form's canonical URLs, ids or relative references ({@code Questionnaire/x})
 * @param items          the form's linkIds mapped to our item numbers
 * @param reported       the form's linkIds that carry a score, mapped to our scale ids
 * @param answers        the form's linkIds that hold a coded answer, mapped to our coded item ids
 * @param origin         where the form is published, so the mapping can be checked
 */
public record FormAlias(String instrument, List<String> questionnaires, Map<String, Integer> items,
                        Map<String, String> reported, Map<String, String> answers, String origin) {

    public FormAlias {
        Objects.requireNonNull(instrument, "instrument");
        questionnaires = questionnaires == null ? List.of() : List.copyOf(questionnaires);
        items = items == null ? Map.of() : Map.copyOf(items);
        reported = reported == null ? Map.of() : Map.copyOf(reported);
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
