package org.alliancecds.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.facts.Threshold;
import org.kie.api.KieBase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled, validated rule base: what serves requests until a newer one replaces it whole.
 *
 * @param version    declared version plus a hash of every file, so any edit gives a new version
 * @param kieBase    the compiled rules
 * @param rules      card rules by id
 * @param thresholds  the thresholds table
 * @param suggestions suggestion templates by name
 * @param compiledAt  when it was built
 */
public record RuleBase(String version, KieBase kieBase, Map<String, RuleMetadata> rules, List<Threshold> thresholds,
                       Map<String, JsonNode> suggestions, Instant compiledAt) {

    public RuleBase {
        rules = Map.copyOf(rules);
        thresholds = List.copyOf(thresholds);
        suggestions = Map.copyOf(suggestions);
    }

    public Optional<RuleMetadata> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }
}
