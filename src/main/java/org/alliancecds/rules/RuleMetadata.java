package org.alliancecds.rules;

import java.util.List;

/**
 * What a rule declares about itself in its {@code @} attributes: the card it produces and the evidence behind it.
 * A finding may have variants ({@code rule "NOT-ON-TRACK worse"} with {@code @category("worse")}), each with its own
 * indicator, summary, action and priority; the title, version and evidence are the finding's.
 *
 * @param id         catalogue id, the first word of the rule's name
 * @param title      short name of the finding
 * @param version    the rule's own version
 * @param indicator  {@code info}, {@code warning} or {@code critical}
 * @param summary    the card summary, with {@code {instrument.scale}} and {@code {instrument.scale@date}} placeholders
 * @param action     what the clinician should do (markdown)
 * @param evidence   the evidence list entries it rests on
 * @param file       the {@code .drl} file that holds it
 * @param escalation the indicator when a concern (a low patient rating) is among what it matched, or null
 * @param suggestion the name of its suggestion in {@code rules/suggestions/}, or null
 * @param category   the variant's name, or "" for a finding's only rule
 * @param priority   its place among cards: lower comes first; past the card cap, findings are folded into "Also:"
 * @param safety     a safety finding: outside the card cap, never folded, first, and quiet after feedback only for
 *                   the rest of the site day and only when already addressed
 * @param history    what history the rule reads and why ({@code @history}), or null for a rule of current data only
 * @param view       what the clinician view shows of its finding ({@code @view}): {@value #TRAJECTORY} for a rule
 *                   that compares scores over sessions, whose cards then link to the view; null for none
 */
public record RuleMetadata(String id, String title, String version, String indicator, String summary,
                           String action, List<Evidence> evidence, String file, String escalation,
                           String suggestion, String category, int priority, boolean safety, String history,
                           String view) {

    /** The {@code @view} of a rule whose finding is best read on the alliance and symptom trajectory. */
    public static final String TRAJECTORY = "trajectory";

    public RuleMetadata {
        evidence = List.copyOf(evidence);
        category = category == null ? "" : category;
    }

    /** A rule without {@code @view}. */
    public RuleMetadata(String id, String title, String version, String indicator, String summary, String action,
                        List<Evidence> evidence, String file, String escalation, String suggestion, String category,
                        int priority, boolean safety, String history) {
        this(id, title, version, indicator, summary, action, evidence, file, escalation, suggestion, category,
                priority, safety, history, null);
    }

    /** Whether its finding is read on the trajectory, so that its cards may open the clinician view on it. */
    public boolean readsTrajectory() {
        return TRAJECTORY.equals(view);
    }

    /** The rule's name in its file: its id, then its category if it has one. */
    public String ruleName() {
        return category.isEmpty() ? id : id + " " + category;
    }
}
