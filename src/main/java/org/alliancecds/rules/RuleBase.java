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
 * @param drlFiles    the text of every {@code .drl} file it was compiled from, by path in the rules directory, so
 *                    that what is said about a rule (the console's catalogue) is read from the version in service
 */
public record RuleBase(String version, KieBase kieBase, Map<String, RuleMetadata> rules, List<Threshold> thresholds,
                       Map<String, JsonNode> suggestions, Instant compiledAt, Map<String, String> drlFiles) {

    public RuleBase {
        rules = Map.copyOf(rules);
        thresholds = List.copyOf(thresholds);
        suggestions = Map.copyOf(suggestions);
        drlFiles = Map.copyOf(drlFiles);
    }

    public Optional<RuleMetadata> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }
}
