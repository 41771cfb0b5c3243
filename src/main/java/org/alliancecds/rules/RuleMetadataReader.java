package org.alliancecds.rules;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the {@code @} attributes of every card rule: a rule that lacks what its card needs, or cites
 * evidence that is not in the evidence list, is a problem, not a card with gaps.
 */
final class RuleMetadataReader {

    private static final List<String> REQUIRED = List.of("id", "title", "version", "indicator", "evidence",
            "summary", "action", "priority");
    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");
    /** What {@code @view} may say: the clinician view has one view of a finding so far. */
    private static final Set<String> VIEWS = Set.of(RuleMetadata.TRAJECTORY);

    private RuleMetadataReader() {
    }

    /** Every card rule's metadata, variants included, in the order of their files and names. */
    static List<RuleMetadata> read(KieBase kieBase, Map<String, String> drlFiles, Map<String, Evidence> evidence,
                                   Set<String> suggestions, List<RuleProblem> problems) {
        Map<String, String> fileByRule = new HashMap<>();
        drlFiles.forEach((file, text) -> RuleFileScanner.ruleNames(text).forEach(name -> fileByRule.put(name, file)));
        List<RuleMetadata> rules = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String file = fileByRule.getOrDefault(rule.getName(), kiePackage.getName());
                if (!file.startsWith(RuleFileScanner.COMMON_FOLDER)) {
                    metadataOf(rule, file, evidence, suggestions, problems).ifPresent(rules::add);
                }
            }
        }
        rules.sort(java.util.Comparator.comparing(RuleMetadata::file).thenComparing(RuleMetadata::ruleName));
        checkVariantsAgree(rules, problems);
        return rules;
    }

    /** The variants of one finding share its title, version, safety and file; each cites its own evidence. */
    private static void checkVariantsAgree(List<RuleMetadata> rules, List<RuleProblem> problems) {
        Map<String, RuleMetadata> first = new HashMap<>();
        for (RuleMetadata rule : rules) {
            RuleMetadata seen = first.putIfAbsent(rule.id(), rule);
            if (seen != null && !(seen.title().equals(rule.title()) && seen.version().equals(rule.version())
                    && seen.safety() == rule.safety() && java.util.Objects.equals(seen.view(), rule.view())
                    && seen.file().equals(rule.file()))) {
                problems.add(new RuleProblem(rule.file(), 0, "rule " + rule.ruleName() + " is a variant of "
                        + seen.ruleName() + " but differs in @title, @version, @safety, @view or file"));
            }
        }
    }

    private static Optional<RuleMetadata> metadataOf(Rule rule, String file, Map<String, Evidence> evidence,
                                                     Set<String> suggestions, List<RuleProblem> problems) {
        Map<String, String> attributes = new HashMap<>();
        rule.getMetaData().forEach((key, value) -> attributes.put(key, unquote(String.valueOf(value))));
        int before = problems.size();
        REQUIRED.stream().filter(key -> attributes.getOrDefault(key, "").isBlank())
                .forEach(key -> problems.add(new RuleProblem(file, 0, "rule " + rule.getName() + " has no @" + key)));
        String declaredId = attributes.getOrDefault("id", "");
        String category = attributes.getOrDefault("category", "");
        String expectedName = category.isBlank() ? declaredId : declaredId + " " + category;
        if (!declaredId.isBlank() && !expectedName.equals(rule.getName())) {
            problems.add(new RuleProblem(file, 0, "rule " + rule.getName() + " has @id '" + declaredId
                    + "' and @category '" + category + "'; its name must be the catalogue id, followed by the"
                    + " category for a variant: '" + expectedName + "'"));
        }
        int priority = 0;
        try {
            priority = Integer.parseInt(attributes.getOrDefault("priority", "0").trim());
        } catch (NumberFormatException e) {
            problems.add(new RuleProblem(file, 0, "rule " + rule.getName() + ": @priority must be a whole number,"
                    + " not '" + attributes.get("priority") + "'"));
        }
        String indicator = attributes.getOrDefault("indicator", "");
        for (String key : List.of("indicator", "escalation")) {
            String value = attributes.getOrDefault(key, "");
            if (!value.isBlank() && !INDICATORS.contains(value)) {
                problems.add(new RuleProblem(file, 0, "rule " + rule.getName() + ": @" + key + " must be one of "
                        + INDICATORS + ", not '" + value + "'"));
            }
        }
        String view = attributes.get("view");
        if (view != null && !VIEWS.contains(view)) {
            problems.add(new RuleProblem(file, 0, "rule " + rule.getName() + ": @view must be one of " + VIEWS
                    + " (or left out), not '" + view + "'"));
        }
        String suggestion = attributes.get("suggestion");
        if (suggestion != null && !suggestions.contains(suggestion)) {
            problems.add(new RuleProblem(file, 0, "rule " + rule.getName() + " names suggestion '" + suggestion
                    + "' that is not in " + SuggestionTemplates.FOLDER));
        }
        List<Evidence> cited = new ArrayList<>();
        for (String id : attributes.getOrDefault("evidence", "").split(",")) {
            if (id.isBlank()) {
                continue;
            }
            Evidence entry = evidence.get(id.trim());
            if (entry == null) {
                problems.add(new RuleProblem(file, 0, "rule " + rule.getName() + " cites evidence '" + id.trim()
                        + "' that is not in " + EvidenceList.FILE));
            } else {
                cited.add(entry);
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RuleMetadata(declaredId, attributes.get("title"),
                attributes.get("version"), indicator, attributes.get("summary"), attributes.get("action"), cited,
                file, attributes.get("escalation"), suggestion, category, priority,
                Boolean.parseBoolean(attributes.getOrDefault("safety", "false")), attributes.get("history"), view));
    }

    /** Drools keeps the quotes of a quoted attribute value in some versions and not in others. */
    static String unquote(String value) {
        String trimmed = value.trim();
        boolean quoted = trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"");
        return quoted ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }
}
