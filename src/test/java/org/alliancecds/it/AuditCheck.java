package org.alliancecds.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Predicate;

/** The audit's entry in {@code /health/live}: its state and counts. */
final class AuditCheck {

    private AuditCheck() {
    }

    /** The audit check once its data satisfies the condition; fails after {@link AuditTables#PATIENCE}. */
    static JsonNode await(CdsClient client, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + AuditTables.PATIENCE.toNanos();
        while (true) {
            Reply health = client.get("health/live");
            for (JsonNode check : health.json().path("checks")) {
                if ("audit".equals(check.path("name").asText()) && condition.test(check.path("data"))) {
                    return check;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the audit check never showed what was expected: " + health);
            }
            AuditTables.pause();
        }
    }
}
