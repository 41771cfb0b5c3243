package org.alliancecds.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.facts.FreshnessWindows;
import org.alliancecds.facts.Threshold;
import org.kie.api.KieBase;

import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled, validated rule base: what serves requests until a newer one replaces it whole.
 *
 * @param version    declared version plus a hash of every file, so any edit gives a new version
 * @param kieBase    the compiled rules
 * @param variants   every card rule, variants of a finding included, in file order
 * @param thresholds  the thresholds table
 * @param suggestions suggestion templates by name
 * @param compiledAt  when it was built
 * @param drlFiles    the text of every {@code .drl} file it was compiled from, by path in the rules directory, so
 *                    that what is said about a rule (the console's catalogue) is read from the version in service
 */
public record RuleBase(String version, KieBase kieBase, List<RuleMetadata> variants, List<Threshold> thresholds,
                       Map<String, JsonNode> suggestions, Instant compiledAt, Map<String, String> drlFiles) {

    public RuleBase {
        variants = List.copyOf(variants);
        thresholds = List.copyOf(thresholds);
        suggestions = Map.copyOf(suggestions);
        drlFiles = Map.copyOf(drlFiles);
    }

    /** The card rules by catalogue id, each as its first variant (the finding's title, version and evidence). */
    public Map<String, RuleMetadata> rules() {
        Map<String, RuleMetadata> byId = new LinkedHashMap<>();
        variants.forEach(rule -> byId.putIfAbsent(rule.id(), rule));
        return byId;
    }

    public Optional<RuleMetadata> rule(String id) {
        return Optional.ofNullable(rules().get(id));
    }

    /** The variant of a finding that fired. */
    public Optional<RuleMetadata> rule(String id, String category) {
        return variants.stream().filter(rule -> rule.id().equals(id) && rule.category().equals(category))
                .findFirst();
    }

    /** How long each instrument's scores describe the patient now. */
    public FreshnessWindows windows() {
        return FreshnessWindows.of(thresholds);
    }

    /** A threshold's value by id, if the table has it. */
    public Optional<Double> threshold(String id) {
        return thresholds.stream().filter(threshold -> threshold.id().equals(id)).map(Threshold::value).findFirst();
    }
}
