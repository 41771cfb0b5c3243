package org.alliancecds.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Feedback request bodies as the spec shapes them. */
final class Feedback {

    static final String TIMESTAMP = "2026-11-26T10:15:00Z";

    private Feedback() {
    }

    /** One feedback item on a card, with an empty {@code acceptedSuggestions}. */
    static ObjectNode item(String cardUuid, String outcome) {
        ObjectNode item = JsonNodeFactory.instance.objectNode().put("card", cardUuid).put("outcome", outcome)
                .put("outcomeTimestamp", TIMESTAMP);
        item.putArray("acceptedSuggestions");
        return item;
    }

    static ObjectNode of(ObjectNode... items) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("feedback").addAll(List.of(items));
        return body;
    }
}
