package org.alliancecds.admin;

import org.alliancecds.cards.Card;
import org.alliancecds.facts.CodedAnswer;
import org.alliancecds.facts.Finding;
import org.alliancecds.facts.Threshold;

import java.util.List;

/**
 * A request or scenario case evaluated for the console: the cards as the service returns them, the rules that
 * fired and on which data, what a scenario case expected, and the patient's data for the chart.
 *
 * @param kind        {@code scenario} or {@code request}
 * @param description a scenario case's description, or null
 * @param service     the service it was evaluated as
 * @param ruleBase    the rule-base version that answered, or null when there was no answer
 * @param cards       the cards, exactly as the service would return them
 * @param fired       the rules that fired, with what they matched
 * @param expected    a scenario case's {@code fires}, or null for a plain request
 * @param passed      whether a scenario case fired exactly its rules, or null for a plain request
 * @param missing     expected rules that stayed silent
 * @param unexpected  rules that fired but were not expected
 * @param problem     why the service would not answer with cards (what the EHR would get instead), or null
 * @param notes       what the console changed in the request, and what scoring left out
 * @param chart       the patient's data; empty when there was no answer
 */
public record TryResult(String kind, String description, String service, String ruleBase, List<Card> cards,
                        List<FiredRule> fired, List<String> expected, Boolean passed, List<String> missing,
                        List<String> unexpected, Problem problem, List<String> notes, PatientChart chart) {

    /** The service's refusal: the HTTP status and message an EHR would get. */
    public record Problem(int status, String message) {
    }

    /** A rule that fired, with the data and thresholds that made it fire. */
    public record FiredRule(String id, String title, List<PatientChart.Score> scores, List<Answer> answers,
                            List<String> thresholds) {

        static FiredRule of(Finding finding, String title) {
            return new FiredRule(finding.ruleId(), title,
                    finding.scores().stream().map(PatientChart.Score::of).toList(),
                    finding.answers().stream().map(Answer::of).toList(),
                    finding.thresholds().stream().map(Threshold::id).toList());
        }
    }

    /** A coded answer a rule matched. */
    public record Answer(String label, String code, String date, String source) {

        static Answer of(CodedAnswer answer) {
            return new Answer(answer.label(), answer.code(), answer.date().toString(), answer.source());
        }
    }
}
