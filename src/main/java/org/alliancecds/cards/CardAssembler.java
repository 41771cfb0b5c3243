package org.alliancecds.cards;

import org.alliancecds.facts.Finding;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.Evidence;
import org.alliancecds.rules.RuleMetadata;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds the cards of an evaluation: one per finding, most urgent first, then by rule id. */
public final class CardAssembler {

    public static final String RULES_SYSTEM = "https://alliance-cds.org/fhir/CodeSystem/alliance-rules";
    static final String OVERRIDE_SYSTEM = "https://alliance-cds.org/fhir/CodeSystem/override-reasons";
    static final String SOURCE_LABEL = "alliance-cds: therapeutic alliance support";

    private static final List<Card.Coding> OVERRIDE_REASONS = List.of(
            new Card.Coding(OVERRIDE_SYSTEM, "already-addressed", "Already addressed this session", null),
            new Card.Coding(OVERRIDE_SYSTEM, "not-applicable", "Not clinically applicable", null),
            new Card.Coding(OVERRIDE_SYSTEM, "patient-declined", "Patient declined", null));
    private static final Map<String, Integer> URGENCY = Map.of("critical", 0, "warning", 1, "info", 2);

    private final Supplier<UUID> uuids;

    public CardAssembler(Supplier<UUID> uuids) {
        this.uuids = uuids;
    }

    /** The reasons every card offers for not following it; feedback names one by its code. */
    public static List<Card.Coding> overrideReasons() {
        return OVERRIDE_REASONS;
    }

    public List<Card> cards(Evaluation evaluation) {
        String version = evaluation.ruleBase().version();
        return evaluation.findings().stream()
                .flatMap(finding -> evaluation.ruleBase().rule(finding.ruleId())
                        .map(rule -> card(finding, rule, evaluation)).stream())
                .sorted(Comparator.comparing((Card card) -> URGENCY.get(card.indicator()))
                        .thenComparing(card -> card.source().topic().code()))
                .toList();
    }

    private Card card(Finding finding, RuleMetadata rule, Evaluation evaluation) {
        String version = evaluation.ruleBase().version();
        Card.Coding topic = new Card.Coding(RULES_SYSTEM, rule.id(), rule.title(), version);
        String sourceUrl = rule.evidence().stream().filter(Evidence::hasUrl).map(Evidence::url).findFirst()
                .orElse(null);
        List<Card.Link> links = rule.evidence().stream().filter(Evidence::hasUrl)
                .map(evidence -> new Card.Link(shortCitation(evidence), evidence.url(), "absolute"))
                .toList();
        String indicator = finding.concern() && rule.escalation() != null ? rule.escalation() : rule.indicator();
        List<Card.Suggestion> suggestions = Optional.ofNullable(rule.suggestion())
                .map(evaluation.ruleBase().suggestions()::get)
                .map(template -> Suggestions.of(template, evaluation.patientId(), uuids)).stream().toList();
        return new Card(uuids.get().toString(), SummaryTemplate.fill(rule.summary(), finding), indicator,
                CardDetail.markdown(finding, rule, version), new Card.Source(SOURCE_LABEL, sourceUrl, topic),
                suggestions, suggestions.isEmpty() ? null : "at-most-one", OVERRIDE_REASONS, links);
    }

    /** "Kroenke K, Spitzer RL, … 2001;…" → the citation up to its first full stop, which names the authors. */
    private static String shortCitation(Evidence evidence) {
        String citation = evidence.citation();
        int stop = citation.indexOf(". ");
        return Optional.of(stop).filter(index -> index > 0).map(index -> citation.substring(0, index))
                .orElse(citation);
    }
}
