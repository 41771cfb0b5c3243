package org.alliancecds.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.alliancecds.hooks.CdsProblem;
import org.alliancecds.release.InstanceHeartbeat;
import org.alliancecds.release.ReleaseEvent;
import org.alliancecds.release.ReleaseServing;
import org.alliancecds.release.ReleaseState;
import org.alliancecds.release.ReleaseSummary;
import org.alliancecds.release.RuleShadowDifferences;
import org.alliancecds.release.SemanticVersion;
import org.alliancecds.release.ShadowChange;
import org.alliancecds.release.ShadowDifference;
import org.alliancecds.release.ShadowReport;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The release API's JSON: releases, steps, instances and shadow reports out; a step's body in. */
final class ReleaseJson {

    /** An instance not heard from for this long is shown as gone (it stopped, or lost the database). */
    static final Duration GONE_AFTER = Duration.ofSeconds(30);

    private ReleaseJson() {
    }

    static ObjectNode summary(ReleaseSummary release, ReleaseState state) {
        return AdminJson.MAPPER.createObjectNode().put("version", release.version().toString())
                .put("state", state.code()).put("contentHash", release.contentHash())
                .put("createdAt", release.createdAt().toString()).put("createdBy", release.createdBy())
                .put("comment", release.comment()).put("ruleFiles", release.ruleFiles())
                .put("contentBytes", release.contentBytes());
    }

    static ObjectNode event(ReleaseEvent event) {
        ObjectNode json = AdminJson.MAPPER.createObjectNode().put("id", event.id())
                .put("version", event.version().toString()).put("action", event.action().code())
                .put("admin", event.admin()).put("at", event.at().toString()).put("comment", event.comment());
        if (event.effectiveAt() != null) {
            json.put("effectiveAt", event.effectiveAt().toString());
        }
        return json;
    }

    /** Every instance's heartbeat, this one's first with its last poll's problem if it had one. */
    static ArrayNode instances(List<InstanceHeartbeat> heartbeats, ReleaseServing serving, Instant now) {
        ArrayNode instances = AdminJson.MAPPER.createArrayNode();
        for (InstanceHeartbeat heartbeat : heartbeats) {
            ObjectNode instance = instances.addObject().put("instance", heartbeat.instanceId())
                    .put("serving", heartbeat.servingVersion())
                    .put("since", heartbeat.servingSince() == null ? null : heartbeat.servingSince().toString())
                    .put("seenAt", heartbeat.seenAt().toString())
                    .put("live", heartbeat.seenAt().isAfter(now.minus(GONE_AFTER)));
            if (heartbeat.instanceId().equals(serving.instanceId())) {
                instance.put("thisInstance", true);
                serving.problem().ifPresent(problem -> instance.put("problem", problem));
            }
        }
        return instances;
    }

    static ObjectNode report(ShadowReport report) {
        ObjectNode json = AdminJson.MAPPER.createObjectNode().put("candidate", report.candidate().toString())
                .put("comparedCalls", report.comparedCalls()).put("differingCalls", report.differingCalls());
        ArrayNode rules = json.putArray("rules");
        for (RuleShadowDifferences rule : report.rules()) {
            ObjectNode entry = rules.addObject().put("rule", rule.ruleId()).put("differences", rule.total());
            ObjectNode counts = entry.putObject("counts");
            for (Map.Entry<ShadowChange, Long> count : rule.counts().entrySet()) {
                counts.put(count.getKey().code(), count.getValue());
            }
            ArrayNode examples = entry.putArray("examples");
            for (ShadowDifference example : rule.examples()) {
                examples.addObject().put("change", example.change().code())
                        .put("recordedAt", example.recordedAt().toString()).put("instance", example.instanceId())
                        .put("liveVersion", example.liveVersion()).put("hook", example.hook())
                        .put("hookInstance", example.hookInstance()).put("patient", example.patientPseudonym())
                        .put("live", example.liveText()).put("candidate", example.candidateText());
            }
        }
        return json;
    }

    static JsonNode body(String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : AdminJson.MAPPER.readTree(body);
            if (json == null || !json.isObject()) {
                throw new CdsProblem(400, "invalid", "the body must be a JSON object with a \"comment\"");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new CdsProblem(400, "invalid", "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A required text field; its absence is the step's own refusal ("a comment saying why is required"). */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value != null && !value.isTextual()) {
            throw new CdsProblem(400, "invalid", "\"" + field + "\" must be text");
        }
        return value == null ? null : value.asText();
    }

    static Optional<String> optionalText(JsonNode body, String field) {
        return Optional.ofNullable(text(body, field)).filter(text -> !text.isBlank());
    }

    static SemanticVersion version(String text) {
        try {
            return SemanticVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CdsProblem(404, "not-found", e.getMessage());
        }
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CdsProblem(400, "invalid", "\"at\" must be an ISO-8601 instant such as 2026-12-07T06:00:00Z, "
                    + "not \"" + text + "\"");
        }
    }
}
