package org.alliancecds.check;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * One scenario case file: a full CDS Hooks request and exactly the rules that must fire on it (every other rule
 * must stay silent).
 *
 * @param file        the file, relative to the scenarios folder ({@code SUICIDE-RISK-ITEM/in-item9-1.json})
 * @param description what the case shows
 * @param fires       the rule ids that must fire
 * @param request     the request, dates already resolved
 */
public record ScenarioCase(String file, String description, Set<String> fires, JsonNode request) {

    public ScenarioCase {
        fires = Set.copyOf(fires);
    }

    /** The service a request is for: its hook's service. */
    public String serviceId() {
        return "alliance-" + request.path("hook").asText();
    }
}
