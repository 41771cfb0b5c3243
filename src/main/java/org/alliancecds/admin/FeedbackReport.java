package org.alliancecds.admin;

import org.alliancecds.audit.FeedbackStatistics;
import org.alliancecds.cards.Card;
import org.alliancecds.cards.CardAssembler;
import org.alliancecds.rules.RuleBase;
import org.alliancecds.rules.RuleMetadata;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The feedback statistics as the console shows them: every rule of the rule base in service, with zeros for a rule
 * that made no card, and every rule the audit has cards of, even one no longer in service; override reasons with
 * the words the cards offered them in.
 *
 * @param since              the start of the window (ISO instant), or null for everything the audit keeps
 * @param ruleBaseInService  the rule-base version serving now, or null while none is
 * @param rules              per rule, by id
 * @param ruleBaseVersions   the rule-base versions that answered calls in the window, oldest first
 * @param supersededFeedback answers to a card that a later answer to the same card replaced
 * @param unmatchedFeedback  answers to cards the audit does not know, which belong to no rule
 */
public record FeedbackReport(String since, String ruleBaseInService, List<Row> rules,
                             List<RuleBaseVersion> ruleBaseVersions, long supersededFeedback, long unmatchedFeedback) {

    /**
     * One rule.
     *
     * @param id             the rule id
     * @param title          its title in the rule base in service, or null when it is not in service
     * @param inService      whether the rule base in service has it
     * @param cardsShown     cards it made
     * @param accepted       cards whose latest answer is accepted
     * @param overridden     cards whose latest answer is overridden
     * @param acceptanceRate accepted / (accepted + overridden), or null when no card was answered
     * @param reasons        why its cards were overridden, most frequent first
     * @param versions       the rule's own versions on its cards, with card counts
     */
    public record Row(String id, String title, boolean inService, long cardsShown, long accepted, long overridden,
                      Double acceptanceRate, List<Reason> reasons, List<FeedbackStatistics.Count> versions) {
    }

    /**
     * An override reason: its system and code (null when none was given), its words when the cards offer it (our
     * system and code), and a count.
     */
    public record Reason(String system, String code, String display, long count) {
    }

    /** A rule-base version with the calls it answered, first and last (ISO instants). */
    public record RuleBaseVersion(String version, long calls, String first, String last) {
    }

    static FeedbackReport of(FeedbackStatistics statistics, Optional<RuleBase> inService) {
        Map<String, RuleMetadata> rules = inService.map(RuleBase::rules).orElse(Map.of());
        Map<String, FeedbackStatistics.RuleFeedback> seen = statistics.rules().stream()
                .collect(Collectors.toMap(FeedbackStatistics.RuleFeedback::ruleId, rule -> rule));
        Map<List<String>, String> reasonWords = new HashMap<>();
        CardAssembler.overrideReasons().forEach(reason ->
                reasonWords.put(List.of(reason.system(), reason.code()), reason.display()));
        List<Row> rows = Stream.concat(rules.keySet().stream(), seen.keySet().stream()).distinct().sorted()
                .map(id -> row(id, Optional.ofNullable(rules.get(id)), Optional.ofNullable(seen.get(id)), reasonWords))
                .toList();
        List<RuleBaseVersion> versions = statistics.ruleBaseVersions().stream()
                .map(v -> new RuleBaseVersion(v.version(), v.calls(), v.first().toString(), v.last().toString()))
                .toList();
        String since = Instant.EPOCH.equals(statistics.since()) ? null : statistics.since().toString();
        return new FeedbackReport(since, inService.map(RuleBase::version).orElse(null), rows, versions,
                statistics.superseded(), statistics.unmatched());
    }

    private static Row row(String id, Optional<RuleMetadata> rule, Optional<FeedbackStatistics.RuleFeedback> seen,
                           Map<List<String>, String> reasonWords) {
        FeedbackStatistics.RuleFeedback counts = seen.orElseGet(
                () -> new FeedbackStatistics.RuleFeedback(id, 0, 0, 0, List.of(), List.of()));
        long answered = counts.accepted() + counts.overridden();
        List<Reason> reasons = counts.reasons().stream()
                .map(reason -> new Reason(reason.system(), reason.code(),
                        reasonWords.get(Arrays.asList(reason.system(), reason.code())), reason.count()))
                .toList();
        return new Row(id, rule.map(RuleMetadata::title).orElse(null), rule.isPresent(), counts.cardsShown(),
                counts.accepted(), counts.overridden(), answered == 0 ? null : (double) counts.accepted() / answered,
                reasons, counts.versions());
    }
}
