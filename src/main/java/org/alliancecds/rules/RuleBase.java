package org.alliancecds.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.alliancecds.facts.FreshnessWindows;
import org.alliancecds.facts.Threshold;
import org.kie.api.KieBase;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled, validated rule base: what serves requests until a newer one replaces it whole. Immutable; what every
 * call looks up (rules by id and variant, thresholds, freshness windows) is indexed once here.
 */
public final class RuleBase {

    private final String version;
    private final KieBase kieBase;
    private final List<RuleMetadata> variants;
    private final List<Threshold> thresholds;
    private final Map<String, JsonNode> suggestions;
    private final Instant compiledAt;
    private final Map<String, String> drlFiles;
    private final Map<String, RuleMetadata> byId;
    private final Map<String, RuleMetadata> byVariant;
    private final Map<String, Threshold> thresholdById;
    private final FreshnessWindows windows;

    /**
     * @param version     declared version plus a hash of every file, so any edit gives a new version
     * @param kieBase     the compiled rules
     * @param variants    every card rule, variants of a finding included, in file order
     * @param thresholds  the thresholds table
     * @param suggestions suggestion templates by name
     * @param compiledAt  when it was built
     * @param drlFiles    the text of every {@code .drl} file it was compiled from, by path in the rules directory, so
     *                    that what is said about a rule (the console's catalogue) is read from the version in service
     */
    public RuleBase(String version, KieBase kieBase, List<RuleMetadata> variants, List<Threshold> thresholds,
                    Map<String, JsonNode> suggestions, Instant compiledAt, Map<String, String> drlFiles) {
        this.version = version;
        this.kieBase = kieBase;
        this.variants = List.copyOf(variants);
        this.thresholds = List.copyOf(thresholds);
        this.suggestions = Map.copyOf(suggestions);
        this.compiledAt = compiledAt;
        this.drlFiles = Map.copyOf(drlFiles);
        Map<String, RuleMetadata> first = new LinkedHashMap<>();
        Map<String, RuleMetadata> each = new HashMap<>();
        this.variants.forEach(rule -> {
            first.putIfAbsent(rule.id(), rule);
            each.putIfAbsent(rule.id() + " " + rule.category(), rule);
        });
        this.byId = Collections.unmodifiableMap(first);
        this.byVariant = Map.copyOf(each);
        Map<String, Threshold> cuts = new HashMap<>();
        this.thresholds.forEach(threshold -> cuts.putIfAbsent(threshold.id(), threshold));
        this.thresholdById = Map.copyOf(cuts);
        this.windows = FreshnessWindows.of(this.thresholds);
    }

    public String version() {
        return version;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public List<RuleMetadata> variants() {
        return variants;
    }

    public List<Threshold> thresholds() {
        return thresholds;
    }

    public Map<String, JsonNode> suggestions() {
        return suggestions;
    }

    public Instant compiledAt() {
        return compiledAt;
    }

    public Map<String, String> drlFiles() {
        return drlFiles;
    }

    /** The card rules by catalogue id, each as its first variant (the finding's title, version and evidence). */
    public Map<String, RuleMetadata> rules() {
        return byId;
    }

    public Optional<RuleMetadata> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The variant of a finding that fired. */
    public Optional<RuleMetadata> rule(String id, String category) {
        return Optional.ofNullable(byVariant.get(id + " " + category));
    }

    /** How long each instrument's scores describe the patient now. */
    public FreshnessWindows windows() {
        return windows;
    }

    /** The thresholds by id. */
    public Map<String, Threshold> thresholdsById() {
        return thresholdById;
    }

    /** A threshold's value by id, if the table has it. */
    public Optional<Double> threshold(String id) {
        return Optional.ofNullable(thresholdById.get(id)).map(Threshold::value);
    }
}
