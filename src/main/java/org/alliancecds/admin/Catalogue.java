package org.alliancecds.admin;

import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleMetadata;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The rule catalogue of a rule base: every card rule with its finding, indicator, thresholds and evidence. Read
 * from the rule base itself (its metadata, thresholds and the rule files it was compiled from), so the catalogue
 * always describes the rules in service, even while a refused edit sits in the rules directory.
 *
 * @param version    the rule base's version
 * @param compiledAt when it was compiled (ISO instant)
 * @param rules      the card rules, by id
 */
public record Catalogue(String version, String compiledAt, List<CatalogueEntry> rules) {

    public Catalogue {
        rules = List.copyOf(rules);
    }

    public static Catalogue of(RuleBase ruleBase) {
        ThresholdUses uses = new ThresholdUses(ruleBase.drlFiles(), ruleBase.thresholds());
        List<CatalogueEntry> entries = ruleBase.rules().values().stream()
                .map(rule -> entry(rule, variantsOf(ruleBase, rule.id()),
                        ruleBase.drlFiles().getOrDefault(rule.file(), ""), uses))
                .sorted(Comparator.comparing((CatalogueEntry entry) -> !entry.safety())
                        .thenComparingInt(CatalogueEntry::priority).thenComparing(CatalogueEntry::id))
                .toList();
        return new Catalogue(ruleBase.version(), ruleBase.compiledAt().toString(), entries);
    }

    private static List<RuleMetadata> variantsOf(RuleBase ruleBase, String id) {
        return ruleBase.variants().stream().filter(variant -> variant.id().equals(id)).toList();
    }

    private static CatalogueEntry entry(RuleMetadata rule, List<RuleMetadata> variants, String drl,
                                        ThresholdUses uses) {
        Map<String, String> header = DrlHeader.paragraphs(drl);
        int priority = variants.stream().mapToInt(RuleMetadata::priority).min().orElse(rule.priority());
        List<CatalogueEntry.Variant> shown = variants.size() < 2 ? List.of() : variants.stream()
                .map(variant -> new CatalogueEntry.Variant(variant.category(), variant.priority(),
                        variant.indicator(), variant.summary(), variant.history()))
                .toList();
        return new CatalogueEntry(rule.id(), rule.title(), header.get("Finding"), header.get("When"),
                header.get("Then"), rule.indicator(), rule.escalation(), rule.version(), rule.file(), rule.summary(),
                rule.action(), uses.of(drl, header.get("When")), rule.evidence(), priority, rule.safety(), shown);
    }
}
