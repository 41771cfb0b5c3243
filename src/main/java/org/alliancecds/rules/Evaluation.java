package org.alliancecds.rules;

import org.alliancecds.facts.Finding;
import org.alliancecds.facts.PatientFacts;

import java.time.LocalDate;
import java.util.List;

/**
 * The findings of one evaluation and the rule base that produced them; one finding per rule.
 *
 * @param ruleBase the rule base in service when the evaluation started
 * @param facts    the patient's facts as the rules saw them, judged current or historical
 * @param findings what fired, merged per rule
 */
public record Evaluation(RuleBase ruleBase, PatientFacts facts, List<Finding> findings) {

    public Evaluation {
        findings = List.copyOf(findings);
    }

    public String patientId() {
        return facts.patientId();
    }

    /** The site's day the patient was judged on. */
    public LocalDate today() {
        return facts.today();
    }
}
