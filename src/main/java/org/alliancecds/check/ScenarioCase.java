package org.alliancecds.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario case file: a full CDS Hooks request and exactly the rules that must fire on it (every other rule
 * must stay silent), whether as a card or listed under "Also:" past the card cap. A case may also say which cards,
 * in order, the EHR gets, and the indicator of some of them.
 *
 * @param file        the file, relative to the scenarios folder ({@code SUICIDE-RISK-ITEM/in-item9-1.json})
 * @param description what the case shows
 * @param fires       the rule ids that must fire
 * @param cards       the rule ids of the cards, in order, or null when the case does not say
 * @param indicators  the indicator of the card of some rules
 * @param summaries   words the summary of the card of some rules must contain
 * @param request     the request, dates already resolved
 */
public record ScenarioCase(String file, String description, Set<String> fires, List<String> cards,
                           Map<String, String> indicators, Map<String, String> summaries, JsonNode request) {

    public ScenarioCase {
        fires = Set.copyOf(fires);
        cards = cards == null ? null : List.copyOf(cards);
        indicators = Map.copyOf(indicators);
        summaries = Map.copyOf(summaries);
    }

    /** The service a request is for: its hook's service. */
    public String serviceId() {
        return "alliance-" + request.path("hook").asText();
    }
}
