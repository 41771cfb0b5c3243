package org.alliancecds.cards;

import org.alliancecds.facts.Finding;
import org.alliancecds.facts.Threshold;
import org.alliancecds.rules.Evaluation;
import org.alliancecds.rules.Evidence;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleMetadata;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds the cards of an evaluation, one per finding: safety cards first and always, then at most {@code cards.max}
 * others in the order of their rules' priority; the findings past the cap are listed under "Also:" in the first of
 * those cards, which says "+N more". A card the user answered before, for the same clinical state, stays quiet as
 * {@link QuietPolicy} says.
 */
public final class CardAssembler {

    public static final String RULES_SYSTEM = "https://alliance-cds.org/fhir/CodeSystem/alliance-rules";
    static final String OVERRIDE_SYSTEM = "https://alliance-cds.org/fhir/CodeSystem/override-reasons";
    static final String SOURCE_LABEL = "alliance-cds: therapeutic alliance support";
    static final int DEFAULT_MAX_CARDS = 3;
    static final int DEFAULT_QUIET_DAYS = 30;

    private static final List<Card.Coding> OVERRIDE_REASONS = List.of(
            new Card.Coding(OVERRIDE_SYSTEM, QuietPolicy.ALREADY_ADDRESSED, "Already addressed this session"),
            new Card.Coding(OVERRIDE_SYSTEM, "not-applicable", "Not clinically applicable"),
            new Card.Coding(OVERRIDE_SYSTEM, "patient-declined", "Patient declined"));
    private static final Comparator<Pending> ORDER = Comparator.comparing((Pending pending) -> !pending.rule.safety())
            .thenComparingInt(pending -> pending.rule.priority()).thenComparing(pending -> pending.rule.id());

    private final Supplier<UUID> uuids;
    private final ViewLink viewLink;

    /** A finding with the variant of its rule that fired, before it becomes a card. */
    private record Pending(Finding finding, RuleMetadata rule, String indicator, String state) {
    }

    /** Cards without a link to the clinician view. */
    public CardAssembler(Supplier<UUID> uuids) {
        this(uuids, ViewLink.NONE);
    }

    /** Cards whose rules read a trajectory link to the clinician view, when {@code viewLink} has a launch URL. */
    public CardAssembler(Supplier<UUID> uuids, ViewLink viewLink) {
        this.uuids = uuids;
        this.viewLink = viewLink;
    }

    /** The reasons every card offers for not following it; feedback names one by its code. */
    public static List<Card.Coding> overrideReasons() {
        return OVERRIDE_REASONS;
    }

    /** The cards as shown to someone who has answered none before (the console, the rules check). */
    public List<Card> cards(Evaluation evaluation) {
        return assemble(evaluation, List.of(), ZoneOffset.UTC).cards();
    }

    /**
     * The cards for a user whose earlier answers to this patient's cards are {@code answers}.
     *
     * @param zone the site's time zone, in which quiet periods are counted in days
     */
    public AssembledCards assemble(Evaluation evaluation, List<PriorAnswer> answers, ZoneId zone) {
        RuleBase ruleBase = evaluation.ruleBase();
        Map<String, Threshold> thresholds = ruleBase.thresholdsById();
        QuietPolicy quiet = new QuietPolicy(whole(thresholds, "cards.quiet-days", DEFAULT_QUIET_DAYS), zone);
        List<Pending> pending = new ArrayList<>();
        List<String> quieted = new ArrayList<>();
        for (Finding finding : evaluation.findings()) {
            Optional<RuleMetadata> variant = ruleBase.rule(finding.ruleId(), finding.category())
                    .or(() -> ruleBase.rule(finding.ruleId()));
            if (variant.isEmpty()) {
                continue;
            }
            RuleMetadata rule = variant.get();
            String indicator = finding.concern() && rule.escalation() != null ? rule.escalation() : rule.indicator();
            String state = ClinicalState.of(finding, indicator);
            if (quiet.quiet(rule, state, answers, evaluation.today())) {
                quieted.add(rule.id());
            } else {
                pending.add(new Pending(finding, rule, indicator, state));
            }
        }
        pending.sort(ORDER);
        List<Pending> safety = pending.stream().filter(each -> each.rule.safety()).toList();
        List<Pending> others = pending.stream().filter(each -> !each.rule.safety()).toList();
        int max = whole(thresholds, "cards.max", DEFAULT_MAX_CARDS);
        List<Pending> shown = others.subList(0, Math.min(max, others.size()));
        List<Pending> folded = others.subList(shown.size(), others.size());
        List<Card> cards = new ArrayList<>();
        Map<String, String> ruleByCard = new LinkedHashMap<>();
        Map<String, String> stateByCard = new LinkedHashMap<>();
        for (Pending each : safety) {
            add(card(each, evaluation, thresholds, List.of()), each, cards, ruleByCard, stateByCard);
        }
        for (int index = 0; index < shown.size(); index++) {
            Pending each = shown.get(index);
            add(card(each, evaluation, thresholds, index == 0 ? folded : List.of()), each, cards, ruleByCard,
                    stateByCard);
        }
        return new AssembledCards(cards, ruleByCard, stateByCard, quieted);
    }

    private static void add(Card card, Pending pending, List<Card> cards, Map<String, String> ruleByCard,
                            Map<String, String> stateByCard) {
        cards.add(card);
        ruleByCard.put(card.uuid(), pending.rule.id());
        stateByCard.put(card.uuid(), pending.state);
    }

    private Card card(Pending pending, Evaluation evaluation, Map<String, Threshold> thresholds,
                      List<Pending> folded) {
        RuleMetadata rule = pending.rule;
        Finding finding = pending.finding;
        String version = evaluation.ruleBase().version();
        Card.Coding topic = new Card.Coding(RULES_SYSTEM, rule.id(), rule.title());
        String sourceUrl = rule.evidence().stream().filter(Evidence::hasUrl).map(Evidence::url).findFirst()
                .orElse(null);
        List<Card.Link> links = new ArrayList<>(rule.evidence().stream().filter(Evidence::hasUrl)
                .map(evidence -> new Card.Link(shortCitation(evidence), evidence.url(), "absolute"))
                .toList());
        viewLink.forRule(rule).ifPresent(links::add);
        List<Card.Suggestion> suggestions = Optional.ofNullable(rule.suggestion())
                .map(evaluation.ruleBase().suggestions()::get)
                .map(template -> Suggestions.of(template, evaluation.patientId(), uuids)).stream().toList();
        String summary = SummaryTemplate.expand(rule.summary(), finding, thresholds, evaluation.today());
        String detail = CardDetail.markdown(finding, rule, version, evaluation.today());
        if (!folded.isEmpty()) {
            summary = Folding.summary(summary, folded.size());
            detail = detail + CardDetail.also(folded.stream()
                    .map(other -> Folding.line(other.finding, other.rule, evaluation.today())).toList());
        }
        return new Card(uuids.get().toString(), SummaryTemplate.shorten(summary), pending.indicator, detail,
                new Card.Source(SOURCE_LABEL, sourceUrl, topic), suggestions,
                suggestions.isEmpty() ? null : "at-most-one", OVERRIDE_REASONS, links,
                new Card.Extension(rule.version(), version));
    }

    private static int whole(Map<String, Threshold> thresholds, String id, int fallback) {
        return Optional.ofNullable(thresholds.get(id)).map(threshold -> (int) threshold.value()).orElse(fallback);
    }

    /** "Kroenke K, Spitzer RL, … 2001;…" → the citation up to its first full stop, which names the authors. */
    private static String shortCitation(Evidence evidence) {
        String citation = evidence.citation();
        int stop = citation.indexOf(". ");
        return Optional.of(stop).filter(index -> index > 0).map(index -> citation.substring(0, index))
                .orElse(citation);
    }
}
