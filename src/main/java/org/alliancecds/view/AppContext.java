package org.alliancecds.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule a launch asks the view to open on: a card's smart link carries {@code appContext} {@code {"rule":"ID"}},
 * which the EHR passes back in the token response. Many EHRs and launchers pass none, or something else: then the
 * view opens on its overview, never on an error.
 */
final class AppContext {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RULE_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");

    private AppContext() {
    }

    /** The rule id of the appContext, when it is JSON naming one that looks like a rule id. */
    static Optional<String> rule(Object appContext) {
        if (!(appContext instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode rule = JSON.readTree(text).path("rule");
            return Optional.of(rule.asText("")).filter(id -> rule.isTextual() && RULE_ID.matcher(id).matches());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
