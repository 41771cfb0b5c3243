package org.alliancecds.rules;

import org.alliancecds.facts.Finding;

import java.util.List;

/**
 * The findings of one evaluation and the rule base that produced them; one finding per rule.
 *
 * @param ruleBase  the rule base in service when the evaluation started
 * @param patientId the patient evaluated
 * @param findings  what fired, merged per rule
 */
public record Evaluation(RuleBase ruleBase, String patientId, List<Finding> findings) {

    public Evaluation {
        findings = List.copyOf(findings);
    }
}
