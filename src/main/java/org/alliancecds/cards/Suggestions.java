package org.alliancecds.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Turns a rule's suggestion template into the card's suggestion for one patient. */
final class Suggestions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATIENT_ID = "{{patientId}}";

    private Suggestions() {
    }

    static Card.Suggestion of(JsonNode template, String patientId, Supplier<UUID> uuids) {
        JsonNode filled = filled(template, patientId);
        List<Card.Action> actions = new ArrayList<>();
        for (JsonNode action : filled.path("actions")) {
            actions.add(new Card.Action(action.path("type").asText(), action.path("description").asText(),
                    action.get("resource")));
        }
        return new Card.Suggestion(filled.path("label").asText(), uuids.get().toString(),
                filled.path("isRecommended").asBoolean(false), actions);
    }

    private static JsonNode filled(JsonNode template, String patientId) {
        try {
            return JSON.readTree(JSON.writeValueAsString(template).replace(PATIENT_ID, patientId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a suggestion template that was JSON is JSON still", e);
        }
    }
}
