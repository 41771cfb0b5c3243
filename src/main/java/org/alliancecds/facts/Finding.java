package org.alliancecds.facts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule concluded about the patient, with the facts that made it fire.
 *
 * @param ruleId     the rule's catalogue id (its {@code @id})
 * @param category   which of the rule's variants fired ({@code worse}, {@code re-screen}), or "" for its only one;
 *                   part of the finding's clinical state
 * @param scores     the scores the rule matched, shown to the clinician as the reason
 * @param answers    the coded answers it matched (an intake form's "mandated")
 * @param thresholds the thresholds those scores were compared with
 * @param concern    whether a concern (a low patient rating) was among what it matched, which raises the card of
 *                   a rule that declares an escalated indicator
 * @param named      the score each of the rule's bindings stands for ({@code $latest} → the latest PHQ-9 total),
 *                   so that a summary names the very score its words describe
 * @param phrases    what bindings to {@link Phrased} facts say ({@code $early} → "mean SRS total 31.3 …")
 */
public record Finding(String ruleId, String category, List<InstrumentScore> scores, List<CodedAnswer> answers,
                      List<Threshold> thresholds, boolean concern, Map<String, InstrumentScore> named,
                      Map<String, String> phrases) {

    /** A finding with no named bindings. */
    public Finding(String ruleId, String category, List<InstrumentScore> scores, List<CodedAnswer> answers,
                   List<Threshold> thresholds, boolean concern) {
        this(ruleId, category, scores, answers, thresholds, concern, Map.of(), Map.of());
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        scores = List.copyOf(scores);
        answers = List.copyOf(answers);
        thresholds = List.copyOf(thresholds);
        named = Map.copyOf(named);
        phrases = Map.copyOf(phrases);
    }
}
