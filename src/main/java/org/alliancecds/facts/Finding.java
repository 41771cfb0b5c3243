package org.alliancecds.facts;

import java.util.List;
import java.util.Objects;

/**
 * What a rule concluded about the patient, with the facts that made it fire.
 *
 * @param ruleId     the rule's catalogue id (its name in the DRL)
 * @param scores     the scores the rule matched, shown to the clinician as the reason
 * @param answers    the coded answers it matched (an intake form's "mandated")
 * @param thresholds the thresholds those scores were compared with
 * @param concern    whether a concern (a low patient rating) was among what it matched, which raises the card of
 *                   a rule that declares an escalated indicator
 */
public record Finding(String ruleId, List<InstrumentScore> scores, List<CodedAnswer> answers,
                      List<Threshold> thresholds, boolean concern) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        scores = List.copyOf(scores);
        answers = List.copyOf(answers);
        thresholds = List.copyOf(thresholds);
    }
}
